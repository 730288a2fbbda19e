package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.Secrets;
import dev.preflight.policy.pac.PacEngine;
import dev.preflight.policy.pac.PacEnvironment;
import dev.preflight.policy.pac.PacLimits;
import dev.preflight.policy.pac.PacResolver;
import dev.preflight.policy.pac.PacResult;
import dev.preflight.policy.pac.PacRoute;
import dev.preflight.policy.pac.PacScript;
import dev.preflight.probe.Route;
import dev.preflight.probe.net.Resolver;
import dev.preflight.verdict.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Routes each HTTP(S) request as a PAC script decides, by calling {@code FindProxyForURL} with the
 * endpoint's URL and host in the PAC sandbox. The first entry of the answer is the route probed, as
 * a client tries it first; an empty answer means DIRECT, as browsers and WinHTTP treat it.
 *
 * <p>A script that fails for one URL does not stop the run. A script given with {@code --pac}
 * leaves that endpoint unjudged with the script's error (file and line) as its reason; a script the
 * machine discovered (WPAD) or was configured with sends that endpoint directly, as WinHTTP does
 * when its automatic proxy script fails, and one warning says how often that happened.
 *
 * <p>Route selection as a whole gets one budget (the run's per-probe timeout), and each call's own
 * limits fit in it: once a slow script has used it up, the remaining endpoints are left unjudged
 * saying so, rather than holding up the run.
 */
public final class PacRoutes implements RouteSelector {
  private final PacEngine engine;
  private final String scriptName;
  private final String origin;
  private final BooleanSupplier dnsExhausted;
  private final boolean fallBackDirect;
  private final Duration budget;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final Runnable restartDns;
  private long deadlineNanos;

  /**
   * A script given with {@code --pac}.
   *
   * @param source the PAC file or URL as given, for the report's environment
   * @param budget how long all route selections together may take, from the first
   * @param dnsExhausted true once the script's DNS helpers ran out of time
   */
  public PacRoutes(PacEngine engine, String source, Duration budget, BooleanSupplier dnsExhausted) {
    this(engine, source, budget, dnsExhausted, "--pac", false, () -> {});
  }

  private PacRoutes(
      PacEngine engine,
      String scriptName,
      Duration budget,
      BooleanSupplier dnsExhausted,
      String origin,
      boolean fallBackDirect,
      Runnable restartDns) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.scriptName = Objects.requireNonNull(scriptName, "scriptName");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.dnsExhausted = Objects.requireNonNull(dnsExhausted, "dnsExhausted");
    this.origin = origin;
    this.fallBackDirect = fallBackDirect;
    this.restartDns = restartDns;
  }

  /**
   * Loads {@code script} into the sandbox with limits that fit in {@code timeout}; its DNS helpers
   * use {@code resolver}, all lookups together getting one call's DNS allowance.
   *
   * @param origin the source that chose the script ({@code --pac}, {@code device}, {@code system});
   *     a script the machine found or was configured with, anything but {@code --pac}, falls back
   *     to DIRECT where it fails
   * @throws InputException naming the script and line when it does not load
   */
  public static PacRoutes load(
      PacScript script, Duration timeout, Resolver resolver, String origin) {
    PacLimits limits = PacLimits.DEFAULT.within(timeout);
    PacDnsBudget dns = new PacDnsBudget(resolver, limits.dnsTime());
    PacEnvironment environment =
        PacEnvironment.defaults().withResolver(PacResolver.system(dns::lookup)).withLimits(limits);
    PacEngine engine = PacEngine.load(script, environment);
    boolean discovered = !origin.equals("--pac");
    return new PacRoutes(
        engine, script.sourceName(), timeout, dns::exhausted, origin, discovered, dns::restart);
  }

  /**
   * The same script for another run (serve runs one check after another): the route-selection
   * budget, the DNS budget and the failure count start afresh.
   */
  @Override
  public PacRoutes forRun() {
    restartDns.run();
    return new PacRoutes(
        engine, scriptName, budget, dnsExhausted, origin, fallBackDirect, restartDns);
  }

  @Override
  public synchronized RouteChoice select(Endpoint endpoint) {
    long now = System.nanoTime();
    if (deadlineNanos == 0) {
      deadlineNanos = now + budget.toNanos();
    } else if (now - deadlineNanos > 0) {
      return RouteChoice.unusable(
          "Not routed: the PAC script had already used the "
              + Durations.human(budget)
              + " (--timeout) preflight gives route selection; a script this slow delays every"
              + " request a client makes.");
    }
    PacResult result;
    try {
      result = engine.findProxy(endpoint.target(), endpoint.host());
    } catch (InputException e) {
      String reason = Display.line(Secrets.redact(e.getMessage()));
      if (fallBackDirect) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, reason);
        return RouteChoice.DIRECT;
      }
      return RouteChoice.unusable("The PAC script failed for this URL: " + reason);
    }
    return result.first().map(PacRoutes::toRoute).map(RouteChoice::of).orElse(RouteChoice.DIRECT);
  }

  static Route toRoute(PacRoute pac) {
    String host = pac.host();
    return switch (pac.kind()) {
      case DIRECT -> Route.DIRECT;
      case PROXY -> new Route(Route.Kind.PROXY, host, pac.port());
      case HTTPS -> new Route(Route.Kind.HTTPS, host, pac.port());
      case SOCKS, SOCKS4, SOCKS5 -> new Route(Route.Kind.SOCKS, host, pac.port());
    };
  }

  @Override
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (dnsExhausted.getAsBoolean()) {
      warnings.add(
          "DNS lookups made by the PAC script ran out of time, so later lookups were treated as"
              + " unresolvable; routes that depend on them may differ on a working network.");
    }
    int failed = failures.get();
    if (failed > 0) {
      warnings.add(
          "The proxy script "
              + Display.line(Secrets.redact(scriptName))
              + " failed for "
              + failed
              + (failed == 1 ? " URL" : " URLs")
              + " ("
              + firstFailure.get()
              + "), so those endpoints were probed directly, as Windows goes direct when its"
              + " automatic proxy script fails; fix the script, because devices take that"
              + " unplanned direct path.");
    }
    return warnings;
  }

  @Override
  public String source() {
    return origin;
  }

  @Override
  public String script() {
    return scriptName;
  }

  @Override
  public String describe() {
    return "PAC " + Secrets.redact(scriptName);
  }
}
