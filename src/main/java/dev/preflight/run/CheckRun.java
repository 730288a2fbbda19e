package dev.preflight.run;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.Fact;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.verdict.ClockJudge;
import dev.preflight.verdict.DomainChoice;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.Judge;
import dev.preflight.verdict.ProbeJudge;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Sentences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One {@code preflight check}: plan, probe everything at once, judge, and assemble the report.
 *
 * <p>The run is bounded: every probe has the per-probe timeout, timeouts are confirmed once, and
 * the {@link ProbeRunner} waits for each probe as long as its own deadline allows (see there).
 * Hybrid join's domain-controller probes start as soon as the DC locator lookup answers, while the
 * other probes run, so they cost at most one extra timeout. Before the probes, three steps may each
 * cost one more bound: finding the routes from the proxy source, WPAD's candidates all at once
 * ({@link RouteFinder}); trying several DNS suffixes for the hybrid-join domain ({@link
 * DomainFinder}); and asking the tenant's discovery endpoints ({@link TenantDiscovery}).
 */
public final class CheckRun {
  /** For runs built without a network for tenant discovery: they never have a tenant to ask. */
  static final TenantDiscovery.Network NO_TENANT_NETWORK =
      new TenantDiscovery.Network() {
        @Override
        public HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request) {
          throw new IllegalStateException("this check run has no network for tenant discovery");
        }

        @Override
        public ProbeResult alias(ProbeTarget target) {
          throw new IllegalStateException("this check run has no network for tenant discovery");
        }
      };

  private final ProbeRunner.Executor probes;
  private final ProbeRunner.Executor dcLocator;
  private final List<String> dnsServers;
  private final LocalMachine machine;
  private final Clock clock;
  private final String toolVersion;
  private final TenantDiscovery tenantDiscovery;
  private final RouteFinder routeFinder;

  /**
   * @param probes runs one probe of any protocol, bounded by the per-probe timeout
   * @param dcLocator looks up a DC locator SRV name; a passing result lists the domain controllers
   *     in {@link Fact#ADDRESSES}, best first
   * @param dnsServers the DNS servers the probes ask, for the report's environment
   * @param machine the machine the probes run on, for the report's environment
   */
  public CheckRun(
      ProbeRunner.Executor probes,
      ProbeRunner.Executor dcLocator,
      List<String> dnsServers,
      LocalMachine machine,
      Clock clock,
      String toolVersion) {
    this(probes, dcLocator, dnsServers, machine, clock, toolVersion, NO_TENANT_NETWORK);
  }

  /**
   * @param tenantDiscovery the network tenant discovery ({@code --tenant}) uses
   */
  public CheckRun(
      ProbeRunner.Executor probes,
      ProbeRunner.Executor dcLocator,
      List<String> dnsServers,
      LocalMachine machine,
      Clock clock,
      String toolVersion,
      TenantDiscovery.Network tenantDiscovery) {
    this(
        probes,
        dcLocator,
        dnsServers,
        machine,
        clock,
        toolVersion,
        tenantDiscovery,
        RouteFinder.UNAVAILABLE);
  }

  /**
   * @param routeFinder finds the routes of runs whose settings name a proxy source
   */
  public CheckRun(
      ProbeRunner.Executor probes,
      ProbeRunner.Executor dcLocator,
      List<String> dnsServers,
      LocalMachine machine,
      Clock clock,
      String toolVersion,
      TenantDiscovery.Network tenantDiscovery,
      RouteFinder routeFinder) {
    this.routeFinder = Objects.requireNonNull(routeFinder, "routeFinder");
    this.tenantDiscovery = new TenantDiscovery(tenantDiscovery, clock);
    this.probes = Objects.requireNonNull(probes, "probes");
    this.dcLocator = Objects.requireNonNull(dcLocator, "dcLocator");
    this.dnsServers = List.copyOf(dnsServers);
    this.machine = Objects.requireNonNull(machine, "machine");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
  }

  /** Runs the check and returns its report; network trouble never throws, it is judged. */
  public Report run(Catalog catalog, CheckSettings given, ProgressListener listener) {
    // Not withRoutes: that drops the proxy source, which the route finder still has to follow.
    CheckSettings asked = given.toBuilder().routes(given.routes().forRun()).build();
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    ProbeRunner runner =
        new ProbeRunner(
            probes, asked.timeout(), Concurrency.forMachine(asked.parallelism()), clock, listener);
    FoundRoutes routes = routeFinder.find(asked);
    CheckSettings routed = asked.withRoutes(routes.routes());
    DomainChoice domain = DomainFinder.choose(catalog, routed, runner.with(dcLocator));
    CheckSettings settings =
        domain == null ? routed : routed.toBuilder().domain(domain.name()).build();
    TenantFindings tenant = tenantDiscovery.discover(catalog, settings);
    Plan planned = Planner.plan(catalog, settings).with(tenant);
    Plan plan =
        planned
            .withWarnings(routes.warnings())
            .withWarnings(SourceComparison.disagreements(routes, planned.targets()));
    listener.planned(plan.targets().size() + (plan.discovery() == null ? 0 : 1));
    List<ProbeOutcome> outcomes = new ArrayList<>();
    // Not try-with-resources: close() would wait for a stuck thread; shutdownNow does not.
    ExecutorService side = Executors.newVirtualThreadPerTaskExecutor();
    try {
      CompletableFuture<List<ProbeOutcome>> discovery =
          plan.discovery() == null
              ? CompletableFuture.completedFuture(List.of())
              : CompletableFuture.supplyAsync(
                  () -> discover(plan.discovery(), runner, listener), side);
      outcomes.addAll(runner.run(plan.targets()));
      if (plan.discovery() != null) {
        outcomes.addAll(await(discovery, plan.discovery(), runner));
      }
    } finally {
      side.shutdownNow();
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    Environment.Builder environment =
        RunEnvironment.of(machine, catalog)
            .proxy(settings.routes().describe())
            .proxySource(settings.routes().source())
            .dnsServers(dnsServers)
            .dnsSource(settings.dnsServer() == null ? "system settings" : "--dns-server")
            .tenant(tenant.summary())
            .domain(domain)
            .proxyDiscovery(routes.summary(plan.targets()));
    return judge(catalog, settings, plan, tenant, outcomes, environment, started, duration);
  }

  private List<ProbeOutcome> discover(
      DcDiscovery discovery, ProbeRunner runner, ProgressListener listener) {
    List<ProbeOutcome> outcomes =
        new ArrayList<>(runner.with(dcLocator).run(List.of(discovery.locator())));
    ProbeResult located = outcomes.get(0).result();
    if (located == null || !located.passed()) {
      return outcomes;
    }
    List<String> controllers =
        located.fact(Fact.ADDRESSES).stream()
            .flatMap(s -> java.util.Arrays.stream(s.split(",")))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    List<ProbeTarget> targets = discovery.targetsFor(controllers);
    listener.planned(targets.size());
    outcomes.addAll(runner.run(targets));
    return outcomes;
  }

  private List<ProbeOutcome> await(
      CompletableFuture<List<ProbeOutcome>> future, DcDiscovery discovery, ProbeRunner runner) {
    // The discovery bounds itself (lookup, then the DC probes); this wait only guards against a bug
    // there, so that a hybrid-join run can never hang.
    Duration limit =
        runner.bound(1).plus(runner.bound(2 * DcDiscovery.MAX_CONTROLLERS)).plusSeconds(1);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      future.cancel(true);
    }
    return List.of(
        new ProbeOutcome(
            discovery.locator(),
            null,
            "The domain controller lookup did not finish in time.",
            clock.instant()));
  }

  private Report judge(
      Catalog catalog,
      CheckSettings settings,
      Plan plan,
      TenantFindings tenant,
      List<ProbeOutcome> outcomes,
      Environment.Builder environment,
      Instant started,
      Duration duration) {
    Set<String> warnings = new LinkedHashSet<>(plan.warnings());
    List<EndpointResult> results = new ArrayList<>(plan.settled());
    List<ProbeResult> probed =
        outcomes.stream().map(ProbeOutcome::result).filter(Objects::nonNull).toList();
    ClockJudge clockJudge = new ClockJudge(settings.maxSkew());
    ClockJudge.Finding clockFinding = clockJudge.judge(probed, ClockSamples.from(outcomes));
    for (ProbeOutcome outcome : outcomes) {
      ProbeResult result = outcome.result();
      if (result != null) {
        results.add(
            tenant.annotate(clockJudge.settle(result, ProbeJudge.judge(result), clockFinding)));
      } else {
        results.add(abandoned(outcome));
      }
    }
    results.addAll(unprobedControllers(plan.discovery(), outcomes));
    warnings.addAll(clockFinding.warnings());
    environment.clockOffsetMs(clockFinding.offsetMs()).clockSource(clockFinding.description());
    return Judge.judge(
        Report.Mode.CHECK,
        toolVersion,
        catalog,
        settings.scenarios(),
        inCatalogOrder(catalog, results),
        environment.build(),
        List.copyOf(warnings),
        started,
        duration);
  }

  /** The {@code {dc}} entries, skipped, when the DC locator found no controller to probe. */
  private static List<EndpointResult> unprobedControllers(
      @Nullable DcDiscovery discovery, List<ProbeOutcome> outcomes) {
    if (discovery == null || outcomes.stream().anyMatch(o -> discovery.expanded(o.target()))) {
      return List.of();
    }
    String detail = "Not checked: no domain controller was found for " + discovery.domain() + ".";
    return discovery.controllerEntries().stream()
        .map(e -> EndpointResult.skip(e, detail).withRoute(Route.DIRECT.toString()))
        .toList();
  }

  private static EndpointResult abandoned(ProbeOutcome outcome) {
    ProbeTarget target = outcome.target();
    return EndpointResult.unjudged(target.endpoint(), Sentences.oneLine(outcome.abandoned()))
        .withRoute(target.route().toString());
  }

  private static List<EndpointResult> inCatalogOrder(
      Catalog catalog, List<EndpointResult> results) {
    List<String> ids = catalog.endpoints().stream().map(Endpoint::id).toList();
    return results.stream()
        .sorted(Comparator.comparingInt(r -> ids.indexOf(r.endpoint().id())))
        .toList();
  }
}
