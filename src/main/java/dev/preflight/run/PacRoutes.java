package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.policy.pac.PacEngine;
import dev.preflight.policy.pac.PacEnvironment;
import dev.preflight.policy.pac.PacResolver;
import dev.preflight.policy.pac.PacResult;
import dev.preflight.policy.pac.PacRoute;
import dev.preflight.policy.pac.PacScript;
import dev.preflight.probe.Route;
import dev.preflight.probe.net.Resolver;
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
 * <p>A script that fails for one URL does not stop the run. A script given with {@code --pac} skips
 * that endpoint with the script's error (file and line) as its reason; a script the machine
 * discovered (WPAD) or was configured with sends that endpoint directly, as WinHTTP does when its
 * automatic proxy script fails, and one warning says how often that happened.
 */
public final class PacRoutes implements RouteSelector {
  private final PacEngine engine;
  private final String scriptName;
  private final String origin;
  private final BooleanSupplier dnsExhausted;
  private final boolean fallBackDirect;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  /**
   * @param source the PAC file or URL as given, for the report's environment
   * @param dnsExhausted true once the script's DNS helpers ran out of time
   */
  public PacRoutes(PacEngine engine, String source, BooleanSupplier dnsExhausted) {
    this(engine, source, dnsExhausted, "--pac", false);
  }

  private PacRoutes(
      PacEngine engine,
      String scriptName,
      BooleanSupplier dnsExhausted,
      String origin,
      boolean fallBackDirect) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.scriptName = Objects.requireNonNull(scriptName, "scriptName");
    this.dnsExhausted = Objects.requireNonNull(dnsExhausted, "dnsExhausted");
    this.origin = origin;
    this.fallBackDirect = fallBackDirect;
  }

  /**
   * Loads {@code script} into the sandbox; its DNS helpers use {@code resolver}, all lookups
   * together bounded by {@code timeout}.
   *
   * @param origin the source that chose the script ({@code --pac}, {@code device}, {@code system});
   *     a script the machine found or was configured with, anything but {@code --pac}, falls back
   *     to DIRECT where it fails
   * @throws InputException naming the script and line when it does not load
   */
  public static PacRoutes load(
      PacScript script, Duration timeout, Resolver resolver, String origin) {
    PacDnsBudget dns = new PacDnsBudget(resolver, timeout);
    PacEnvironment environment =
        PacEnvironment.defaults().withResolver(PacResolver.system(dns::lookup));
    PacEngine engine = PacEngine.load(script, environment);
    boolean discovered = !origin.equals("--pac");
    return new PacRoutes(engine, script.sourceName(), dns::exhausted, origin, discovered);
  }

  @Override
  public RouteChoice select(Endpoint endpoint) {
    PacResult result;
    try {
      result = engine.findProxy(endpoint.target(), endpoint.host());
    } catch (InputException e) {
      if (fallBackDirect) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, e.getMessage());
        return RouteChoice.DIRECT;
      }
      return RouteChoice.unusable("The PAC script failed for this URL: " + e.getMessage());
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
              + Display.line(scriptName)
              + " failed for "
              + failed
              + (failed == 1 ? " URL" : " URLs")
              + " ("
              + Display.line(firstFailure.get())
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
    return "PAC " + scriptName;
  }
}
