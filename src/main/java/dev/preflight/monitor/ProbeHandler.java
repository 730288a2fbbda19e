package dev.preflight.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Scenario;
import dev.preflight.run.CheckSettings;
import dev.preflight.verdict.Report;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /probe?target=ID[&scenario=S]}, blackbox_exporter style: runs that one catalog entry
 * now and answers its metrics, in the same series as {@code /metrics}. Only a catalog entry id is
 * accepted as the target — never a URL, host or address from the request — and anything else is
 * refused with 400 and a one-line reason before any probe starts. Probes are rate-limited ({@link
 * ProbeLimiter}; 429 beyond it).
 */
final class ProbeHandler implements HttpHandler {
  private static final Set<String> PARAMETERS = Set.of("target", "scenario");

  private final Monitor monitor;
  private final ProbeLimiter limiter = new ProbeLimiter(System::nanoTime);

  ProbeHandler(Monitor monitor) {
    this.monitor = monitor;
  }

  /** What a query asks for: a probe, or a refusal. */
  sealed interface Parsed permits Refusal, Request {}

  /** A refused request: its status and the one line that says why. */
  record Refusal(int status, String reason) implements Parsed {}

  /** The one-entry catalog and the settings of the probe a request asks for. */
  record Request(Catalog catalog, CheckSettings settings) implements Parsed {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Parsed parsed = parse(exchange.getRequestURI().getRawQuery());
    if (!(parsed instanceof Request request)) {
      Refusal refusal = (Refusal) parsed;
      MonitorServer.plain(exchange, refusal.status(), refusal.reason());
      return;
    }
    if (!limiter.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      MonitorServer.plain(exchange, 429, "too many probes at once; try again in a second");
      return;
    }
    Report report;
    try {
      report = monitor.checker().run(request.catalog(), request.settings());
    } finally {
      limiter.release();
    }
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new ReportMetrics(() -> report));
    new MetricsHandler(registry).handle(exchange);
  }

  /** The request's catalog and settings, or a refusal; nothing here touches the network. */
  Parsed parse(@Nullable String rawQuery) {
    Map<String, String> query = new TreeMap<>();
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name == null || value == null) {
        return new Refusal(400, "the query is not valid URL encoding");
      }
      if (!PARAMETERS.contains(name)) {
        return new Refusal(400, "only the parameters target and scenario are accepted");
      }
      if (query.put(name, value) != null) {
        return new Refusal(400, "give " + name + " once");
      }
    }
    String target = query.get("target");
    if (target == null || target.isEmpty()) {
      return new Refusal(400, "give target=ID, a catalog entry id (preflight catalog list)");
    }
    Optional<Endpoint> entry = monitor.catalog().endpoint(target);
    if (entry.isEmpty()) {
      return new Refusal(
          400, "target must be a catalog entry id (preflight catalog list); this one is not");
    }
    List<Scenario> scenarios = monitor.settings().scenarios();
    String scenario = query.get("scenario");
    if (scenario != null) {
      Optional<Scenario> chosen = Scenario.parse(scenario);
      if (chosen.isEmpty()) {
        return new Refusal(
            400, "unknown scenario (user-driven, self-deploying, pre-provisioning, hybrid-join)");
      }
      scenarios = List.of(chosen.get());
    }
    CheckSettings settings = monitor.settings().toBuilder().scenarios(scenarios).build();
    if (!entry.get().selectedBy(new LinkedHashSet<>(scenarios), settings.tpm())) {
      return new Refusal(400, "the scenario or TPM kind does not need this entry");
    }
    return new Request(single(monitor.catalog(), entry.get()), settings);
  }

  private static Catalog single(Catalog catalog, Endpoint entry) {
    return new Catalog(
        catalog.service(entry.service()).stream().toList(), List.of(entry), catalog.rootSets());
  }

  private static @Nullable String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
