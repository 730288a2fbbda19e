package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.Secrets;
import dev.preflight.policy.pac.PacEngine;
import dev.preflight.policy.pac.PacResult;
import dev.preflight.policy.pac.PacRoute;
import dev.preflight.probe.Route;
import dev.preflight.verdict.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Routes each HTTP(S) request as a PAC script decides, by calling {@code FindProxyForURL} with the
 * endpoint's URL and host in the PAC sandbox. The first entry of the answer is the route probed, as
 * a client tries it first; an empty answer means DIRECT, as browsers and WinHTTP treat it.
 *
 * <p>A script that fails for one URL does not stop the run: that endpoint is left unjudged with the
 * script's error (file and line) as its reason. Route selection as a whole gets one budget (the
 * run's per-probe timeout), and each call's own limits fit in it: once a slow script has used it
 * up, the remaining endpoints are left unjudged saying so, rather than holding up the run.
 */
public final class PacRoutes implements RouteSelector {
  private final PacEngine engine;
  private final String source;
  private final BooleanSupplier dnsExhausted;
  private final Duration budget;
  private long deadlineNanos;

  /**
   * @param source the PAC file or URL as given, for the report's environment
   * @param budget how long all route selections together may take, from the first
   * @param dnsExhausted true once the script's DNS helpers ran out of time
   */
  public PacRoutes(PacEngine engine, String source, Duration budget, BooleanSupplier dnsExhausted) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.source = Objects.requireNonNull(source, "source");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.dnsExhausted = Objects.requireNonNull(dnsExhausted, "dnsExhausted");
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
      return RouteChoice.unusable(
          "The PAC script failed for this URL: " + Display.line(Secrets.redact(e.getMessage())));
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
    return dnsExhausted.getAsBoolean()
        ? List.of(
            "DNS lookups made by the PAC script ran out of time, so later lookups were treated as"
                + " unresolvable; routes that depend on them may differ on a working network.")
        : List.of();
  }

  @Override
  public String source() {
    return "--pac";
  }

  @Override
  public String describe() {
    return "PAC " + source;
  }
}
