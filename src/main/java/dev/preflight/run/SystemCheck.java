package dev.preflight.run;

import dev.preflight.policy.pac.PacScript;
import dev.preflight.probe.AliasProbe;
import dev.preflight.probe.DomainControllers;
import dev.preflight.probe.Fact;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeListener;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Probes;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.probe.net.Resolver;
import dev.preflight.probe.net.ServiceRecord;
import dev.preflight.probe.net.SharedResolver;
import dev.preflight.run.proxy.MachineProxy;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Wires a {@link CheckRun} to the real network: the probes, the resolver and the PAC sandbox. */
public final class SystemCheck {
  private SystemCheck() {}

  /**
   * A check run whose probes use {@code context} (system seams plus any listener), and whose
   * routes, when the settings name a proxy source, come from this machine's settings and WPAD on
   * this network.
   */
  public static CheckRun create(ProbeContext context, String toolVersion) {
    RouteFinder.Network network =
        new RouteFinder.Network() {
          @Override
          public HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request) {
            return HttpExchange.send(target, request, context);
          }

          @Override
          public Resolver resolver() {
            return context.resolver();
          }
        };
    return new CheckRun(
        (target, deadline, cpu) -> Probes.run(target, context.withCpu(cpu), deadline),
        (target, deadline, cpu) ->
            located(DomainControllers.discover(target, context.withCpu(cpu), deadline)),
        context.resolver().servers(),
        LocalMachine.inspect(),
        Clock.systemUTC(),
        toolVersion,
        new TenantDiscovery.Network() {
          @Override
          public HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request) {
            return HttpExchange.send(target, request, context);
          }

          @Override
          public ProbeResult alias(ProbeTarget target) {
            return AliasProbe.run(target, context);
          }
        },
        new RouteFinder(network, MachineProxy.system(context.timeout())));
  }

  /**
   * {@code context} for another run: the same seams, with a resolver that has asked nothing yet, so
   * that no DNS answer outlives the run that got it (a scheduled check must see a changed record).
   */
  public static ProbeContext nextRun(ProbeContext context) {
    return context.withResolver(SharedResolver.of(context.resolver()).fresh());
  }

  /** The probe context for {@code settings}, reporting phases to {@code listener}. */
  public static ProbeContext context(CheckSettings settings, ProbeListener listener) {
    return ProbeContext.system(settings.timeout(), settings.extraRoots(), settings.dnsServer())
        .withListener(listener);
  }

  /** Lists the controllers found in the result's addresses fact, best first. */
  private static ProbeResult located(DomainControllers.Discovery discovery) {
    ProbeResult result = discovery.result();
    if (!result.passed() || discovery.controllers().isEmpty()) {
      return result;
    }
    Map<Fact, String> facts = new EnumMap<>(Fact.class);
    facts.putAll(result.facts());
    facts.put(
        Fact.ADDRESSES,
        discovery.controllers().stream().map(ServiceRecord::host).collect(Collectors.joining(",")));
    return new ProbeResult(result.target(), null, result.timings(), facts);
  }

  /**
   * Loads the PAC script from a file or an {@code http(s)} URL. Its DNS helpers use the run's
   * resolver, all lookups together bounded by half of {@code timeout}; route selection as a whole,
   * and each call's own limits, fit in {@code timeout}.
   */
  public static PacRoutes pac(String fileOrUrl, Duration timeout, Resolver resolver) {
    PacScript script = PacFetcher.script(fileOrUrl, timeout);
    return PacRoutes.load(script, timeout, resolver, "--pac");
  }
}
