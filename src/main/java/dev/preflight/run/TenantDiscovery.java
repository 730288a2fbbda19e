package dev.preflight.run;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Asks, before the check probes, the public and unauthenticated discovery endpoints a device of the
 * tenant uses: realm discovery, the tenant's OpenID configuration, MDM discovery, and the tenant
 * domain's enrollment aliases (docs/tenant-discovery.md). The requests go through the probe engine
 * on the routes the check uses (proxy, PAC), all at once, the whole bounded like one wave of
 * probes; every answer is read within a size limit and parsed defensively. What the answers name
 * (the identity provider of a federated domain, the tenant's enrollment service) joins the check as
 * BLOCKING endpoints; an answer that fails, times out or cannot be read leaves those entries
 * skipped, with a warning.
 */
public final class TenantDiscovery {
  /** The network as discovery uses it: one HTTP exchange, one alias lookup. */
  public interface Network {
    HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request);

    ProbeResult alias(ProbeTarget target);
  }

  /** Larger than any discovery answer; the OpenID configuration is about 2 KiB. */
  static final int MAX_BODY = 64 * 1024;

  private final Network network;
  private final Clock clock;

  public TenantDiscovery(Network network, Clock clock) {
    this.network = Objects.requireNonNull(network, "network");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The findings for {@code settings.tenant()}; {@link TenantFindings#NONE} without one. */
  TenantFindings discover(Catalog catalog, CheckSettings settings) {
    Tenant tenant = settings.tenant();
    if (tenant == null) {
      return TenantFindings.NONE;
    }
    TenantEndpoints endpoints =
        new TenantEndpoints(catalog, tenant, LocalDate.now(clock).toString());
    TenantReport report = new TenantReport(tenant, endpoints, settings);
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Map<String, String> json = Map.of("Accept", "application/json");
      Endpoint mdm = endpoints.mdmDiscovery();
      Future<Exchanged> realm = exchange(threads, report, endpoints.realm(), json(json));
      Future<Exchanged> openId =
          exchange(threads, report, endpoints.openIdConfiguration(), json(json));
      Future<Exchanged> discovery =
          exchange(
              threads,
              report,
              mdm,
              HttpRequest.post(
                  MdmDiscoveryAnswer.CONTENT_TYPE,
                  MdmDiscoveryAnswer.request(tenant.userName(), mdm.target()),
                  MAX_BODY));
      Future<ProbeResult> enrollment = alias(threads, endpoints.enrollmentAlias());
      Future<ProbeResult> registration = alias(threads, endpoints.registrationAlias());
      long deadline = System.nanoTime() + patience(settings).toNanos();
      report.realm(endpoints.realm(), await(realm, deadline));
      report.openId(endpoints.openIdConfiguration(), await(openId, deadline));
      report.mdm(mdm, await(discovery, deadline));
      report.alias(endpoints.enrollmentAlias(), await(enrollment, deadline));
      report.alias(endpoints.registrationAlias(), await(registration, deadline));
    } finally {
      // shutdownNow, not close: close() would wait for a request that ignores interruption.
      threads.shutdownNow();
    }
    return report.findings();
  }

  /**
   * One discovery request and what became of it.
   *
   * @param outcome the exchange's outcome; null when no route could be used
   */
  record Exchanged(Endpoint endpoint, HttpExchange.@Nullable Outcome outcome) {}

  private static HttpRequest json(Map<String, String> headers) {
    return HttpRequest.get(MAX_BODY, headers);
  }

  private Future<Exchanged> exchange(
      ExecutorService threads, TenantReport report, Endpoint endpoint, HttpRequest request) {
    Route route = report.route(endpoint);
    if (route == null) {
      return java.util.concurrent.CompletableFuture.completedFuture(new Exchanged(endpoint, null));
    }
    ProbeTarget target = new ProbeTarget(endpoint, route);
    return threads.submit(() -> new Exchanged(endpoint, network.exchange(target, request)));
  }

  private Future<ProbeResult> alias(ExecutorService threads, Endpoint endpoint) {
    Callable<ProbeResult> lookup = () -> network.alias(new ProbeTarget(endpoint, Route.DIRECT));
    return threads.submit(lookup);
  }

  /** The value, or null when it did not come in time or its thread failed. */
  private static <T> @Nullable T await(Future<T> future, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      future.cancel(true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return null;
    }
  }

  /**
   * How long the discovery waits for its requests: they bound themselves by the per-probe timeout;
   * the margin covers thread start-up and bookkeeping on a busy machine.
   */
  private static java.time.Duration patience(CheckSettings settings) {
    return settings.timeout().plus(settings.timeout().dividedBy(5)).plusMillis(500);
  }
}
