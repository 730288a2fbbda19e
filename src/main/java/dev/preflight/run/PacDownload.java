package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Source;
import dev.preflight.common.Display;
import dev.preflight.probe.Cause;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.HttpResponse;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import dev.preflight.run.proxy.WpadCandidate;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Asks every candidate URL for a proxy script at once, directly (a device fetches its WPAD script
 * without a proxy), through the probe engine: the run's resolver and deadline, the usual cause
 * codes, and at most {@link PacFetcher#MAX_BYTES} of script. Each answer is sorted into absent (a
 * guessed WPAD name that does not resolve: the normal case), failed (the name exists or was
 * announced, but no usable script came back), or found.
 */
final class PacDownload {
  private static final Set<Cause> UNRESOLVED =
      EnumSet.of(
          Cause.DNS_NXDOMAIN,
          Cause.DNS_NO_ANSWER,
          Cause.DNS_SINKHOLE,
          Cause.DNS_SERVFAIL,
          Cause.DNS_TIMEOUT);
  private static final Source SOURCE = new Source("WPAD discovery (draft-ietf-wrec-wpad-01)", "");
  private static final String SERVE =
      "serve the proxy script there (at most 1 MiB, defining FindProxyForURL), or remove the name"
          + " from DNS";

  /** What asking one candidate gave. */
  enum Kind {
    ABSENT,
    FAILED,
    FOUND
  }

  /**
   * @param detail what happened, for a sentence after the URL ({@code does not resolve
   *     (DNS_NXDOMAIN)}); peer text already passed through {@link Display}
   * @param remedy what to change, for a failure; empty otherwise
   * @param script the script's text when found
   */
  record Attempt(
      WpadCandidate candidate, Kind kind, String detail, String remedy, @Nullable String script) {}

  private PacDownload() {}

  /** Asks every candidate at once; the whole takes at most {@code bound}. */
  static List<Attempt> fetchAll(
      List<WpadCandidate> candidates, RouteFinder.Network network, Duration bound) {
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<CompletableFuture<Attempt>> asked = new ArrayList<>();
      for (WpadCandidate candidate : candidates) {
        asked.add(CompletableFuture.supplyAsync(() -> fetch(candidate, network), pool));
      }
      long deadline = System.nanoTime() + bound.toNanos();
      List<Attempt> attempts = new ArrayList<>();
      for (int i = 0; i < asked.size(); i++) {
        attempts.add(await(asked.get(i), candidates.get(i), deadline, bound));
      }
      return attempts;
    } finally {
      // Not close(): it would wait for an exchange stuck past its deadline.
      pool.shutdownNow();
    }
  }

  private static Attempt await(
      CompletableFuture<Attempt> future, WpadCandidate candidate, long deadline, Duration bound) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      future.cancel(true);
    }
    return failed(
        candidate,
        "gave no answer within " + bound.toMillis() + " ms",
        "let devices reach it directly, or stop announcing it");
  }

  private static Attempt fetch(WpadCandidate candidate, RouteFinder.Network network) {
    Endpoint endpoint = endpoint(candidate.url());
    if (endpoint == null) {
      return failed(candidate, "is not an http(s) URL", "correct the URL");
    }
    HttpRequest request =
        HttpRequest.get(
            PacFetcher.MAX_BYTES, Map.of("Accept", "application/x-ns-proxy-autoconfig, */*"));
    return judge(candidate, network.exchange(new ProbeTarget(endpoint, Route.DIRECT), request));
  }

  static Attempt judge(WpadCandidate candidate, HttpExchange.Outcome outcome) {
    HttpResponse response = outcome.response();
    ProbeFailure failure = outcome.result().failure();
    if (response == null && failure != null) {
      return unanswered(candidate, failure);
    }
    if (response == null || response.status() != 200) {
      String status = response == null ? "no answer" : "HTTP " + response.status();
      return failed(candidate, "answers " + status + " instead of a proxy script", SERVE);
    }
    if (response.truncated()) {
      return failed(candidate, "is larger than " + (PacFetcher.MAX_BYTES >> 20) + " MiB", SERVE);
    }
    String text = response.text();
    if (!text.contains("FindProxyForURL")) {
      String type = response.header("Content-Type").map(t -> ", Content-Type " + t).orElse("");
      return failed(
          candidate,
          "is not a proxy script (it defines no FindProxyForURL" + Display.line(type, 120) + ")",
          SERVE);
    }
    return new Attempt(
        candidate, Kind.FOUND, "", "", text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static Attempt unanswered(WpadCandidate candidate, ProbeFailure failure) {
    String cause = failure.cause().name();
    if (UNRESOLVED.contains(failure.cause())) {
      return candidate.announced()
          ? failed(candidate, "does not resolve (" + cause + ")", "correct the URL it names")
          : new Attempt(candidate, Kind.ABSENT, "does not resolve (" + cause + ")", "", null);
    }
    return failed(
        candidate,
        "is unreachable (" + cause + ": " + Display.line(failure.message(), 200) + ")",
        "let devices reach it directly, or remove the name from DNS");
  }

  private static Attempt failed(WpadCandidate candidate, String detail, String remedy) {
    return new Attempt(candidate, Kind.FAILED, detail, remedy, null);
  }

  /** The URL as a probe entry, or null when it is not an absolute http(s) URL with a host. */
  static @Nullable Endpoint endpoint(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return null;
    }
    boolean secure = scheme.equals("https");
    int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    Protocol protocol = secure ? Protocol.HTTPS : Protocol.HTTP;
    return Endpoint.builder(
            "proxy-script", "proxy-discovery", host, protocol, List.of(port), SOURCE)
        .path(path + query)
        .impact(Impact.DEGRADED)
        .build();
  }
}
