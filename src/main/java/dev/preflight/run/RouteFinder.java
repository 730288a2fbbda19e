package dev.preflight.run;

import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.probe.net.Resolver;
import dev.preflight.run.PacDownload.Attempt;
import dev.preflight.run.proxy.MachineProxy;
import dev.preflight.run.proxy.ProxySetting;
import dev.preflight.run.proxy.WpadCandidate;
import dev.preflight.run.proxy.WpadCandidates;
import dev.preflight.verdict.ProxySourceSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds the routes of one check from its {@link ProxySource}, anew for every run (a monitored
 * network may gain or lose its WPAD server between runs). {@code device} and {@code system} both
 * read this machine's settings and ask every WPAD candidate at once, so that each can be compared
 * with the other: one bound for the whole, never more than one probe timeout plus a margin.
 */
public final class RouteFinder {
  /** What route discovery needs of the network: HTTP exchanges and the run's resolver. */
  public interface Network {
    /** Sends {@code request} along {@code target.route()} through the probe engine. */
    HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request);

    /** The resolver the run's probes share, for a proxy script's DNS helpers. */
    Resolver resolver();
  }

  /** For check runs built without a network: they can only take given routes. */
  static final RouteFinder UNAVAILABLE = new RouteFinder();

  private final @Nullable Network network;
  private final @Nullable MachineProxy machine;

  public RouteFinder(Network network, MachineProxy machine) {
    this.network = Objects.requireNonNull(network, "network");
    this.machine = Objects.requireNonNull(machine, "machine");
  }

  private RouteFinder() {
    this.network = null;
    this.machine = null;
  }

  /** The routes of a run with {@code settings}. Network and settings trouble never throws. */
  FoundRoutes find(CheckSettings settings) {
    ProxySource source = settings.proxySource();
    if (source == null) {
      return FoundRoutes.given(settings.routes());
    }
    if (source == ProxySource.NONE) {
      ProxySourceSummary summary =
          new ProxySourceSummary(
              source.id(),
              "none asked: every request goes out directly",
              null,
              List.of(),
              List.of());
      return new FoundRoutes(RouteSelector.DIRECT, summary, List.of(), List.of());
    }
    if (network == null || machine == null) {
      throw new IllegalStateException("this check run has no network to find routes with");
    }
    MachineProxy.Reading reading = machine.read(settings.proxyVariables());
    DnsSuffixes suffixes = settings.domainSuffixes();
    List<WpadCandidate> wpad =
        WpadCandidates.of(
            reading.dhcp(), suffixes == null ? new DnsSuffixes(List.of(), "") : suffixes);
    List<WpadCandidate> scripts = source == ProxySource.SYSTEM ? scripts(reading, wpad) : List.of();
    List<WpadCandidate> all = new ArrayList<>(wpad);
    all.addAll(scripts);
    List<Attempt> attempts = PacDownload.fetchAll(all, network, downloadBound(settings));
    WpadDecision device =
        WpadDecision.decide(
            attempts.subList(0, wpad.size()), settings.timeout(), network.resolver(), source.id());
    return source == ProxySource.DEVICE
        ? forDevice(device, reading.settings())
        : new SystemChoice(settings, network.resolver(), device, attempts)
            .choose(reading.settings());
  }

  /** The scripts the machine's settings name, beyond those WPAD asks anyway. */
  private static List<WpadCandidate> scripts(
      MachineProxy.Reading reading, List<WpadCandidate> wpad) {
    List<WpadCandidate> scripts = new ArrayList<>();
    for (ProxySetting setting : reading.settings()) {
      String url = setting.pacUrl();
      boolean asked =
          wpad.stream().anyMatch(c -> c.url().equals(url))
              || scripts.stream().anyMatch(c -> c.url().equals(url));
      if (url != null && !asked) {
        scripts.add(new WpadCandidate(url, setting.origin() + " setting", true));
      }
    }
    return scripts;
  }

  private static FoundRoutes forDevice(WpadDecision device, List<ProxySetting> settings) {
    RouteSelector routes = device.routes() == null ? RouteSelector.DIRECT : device.routes();
    ProxySourceSummary summary =
        new ProxySourceSummary(
            ProxySource.DEVICE.id(), device.found(), device.url(), device.candidates(), List.of());
    List<FoundRoutes.Alternative> others = new ArrayList<>();
    for (ProxySetting setting : settings) {
      others.add(alternative(setting, device));
    }
    return new FoundRoutes(routes, summary, device.warnings(), others);
  }

  /** The path {@code setting} gives its applications, as far as this run knows it. */
  static FoundRoutes.Alternative alternative(ProxySetting setting, WpadDecision device) {
    String name = "This machine's " + setting.origin() + " setting";
    if (setting.autoDetect() && device.routes() != null) {
      return new FoundRoutes.Alternative(
          name, setting.text(), device.routes(), device.url(), false);
    }
    if (setting.pacUrl() != null) {
      return new FoundRoutes.Alternative(name, setting.text(), null, setting.pacUrl(), false);
    }
    RouteSelector routes =
        setting.manual() == null
            ? RouteSelector.DIRECT
            : new ManualRoutes(setting.manual(), setting.text(), ProxySource.SYSTEM.id());
    return new FoundRoutes.Alternative(name, setting.text(), routes, null, false);
  }

  /**
   * How long the WPAD downloads, all at once, may take: one probe's timeout and the same again as
   * grace for a starved machine, plus two seconds, as the probe runner bounds a single probe.
   */
  private static Duration downloadBound(CheckSettings settings) {
    return settings.timeout().multipliedBy(2).plusSeconds(2);
  }
}
