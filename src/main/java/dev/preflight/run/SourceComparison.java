package dev.preflight.run;

import dev.preflight.catalog.Protocol;
import dev.preflight.common.Display;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says where this machine's proxy sources disagree in a way that matters: another source sends at
 * least one of the planned HTTP(S) endpoints along another route than this check took (WinHTTP
 * direct while WPAD says proxy; a device in OOBE going direct while this machine's applications use
 * a proxy), or uses a proxy script this check did not (a script only the user's WinINET knows).
 * Sources that agree, or have no setting, say nothing: a healthy network is not degraded by them.
 */
final class SourceComparison {
  private SourceComparison() {}

  /** One warning per disagreeing source of {@code found}, judged on the {@code planned} probes. */
  static List<String> disagreements(FoundRoutes found, List<ProbeTarget> planned) {
    List<ProbeTarget> web =
        planned.stream()
            .filter(
                t ->
                    t.endpoint().probeProtocol() == Protocol.HTTP
                        || t.endpoint().probeProtocol() == Protocol.HTTPS)
            .toList();
    String taken = found.summary().source() + ": " + found.summary().found();
    List<String> warnings = new ArrayList<>();
    for (FoundRoutes.Alternative other : found.alternatives()) {
      if (other.routes() == null) {
        if (!Objects.equals(other.pac(), found.summary().pac())) {
          warnings.add(scriptOnly(other, taken));
        }
      } else if (other.routes() != found.routes()) {
        List<ProbeTarget> differing = differing(other.routes(), web);
        if (!differing.isEmpty()) {
          warnings.add(routed(other, differing, web.size(), taken));
        }
      }
    }
    return warnings;
  }

  private static List<ProbeTarget> differing(RouteSelector other, List<ProbeTarget> web) {
    return web.stream().filter(t -> !t.route().equals(route(other, t))).toList();
  }

  private static Route route(RouteSelector other, ProbeTarget target) {
    Route route = Routes.choose(other, target.endpoint()).route();
    return route == null ? Route.DIRECT : route;
  }

  private static String routed(
      FoundRoutes.Alternative other, List<ProbeTarget> differing, int of, String taken) {
    ProbeTarget example = differing.get(0);
    String count = differing.size() + " of " + of + " endpoints";
    String instance =
        "for example "
            + example.endpoint().host()
            + " "
            + route(other.routes(), example)
            + " instead of "
            + example.route();
    if (other.device()) {
      return "A device in OOBE has none of this machine's settings ("
          + Display.line(other.text(), 300)
          + ") and sends "
          + count
          + " another way than this check did ("
          + instance
          + "); run the check with --proxy-source device to see the devices' paths.";
    }
    return other.name()
        + " ("
        + other.text()
        + ") sends "
        + count
        + " another way than this check did ("
        + taken
        + "; "
        + instance
        + "): applications here that use that setting take paths this check did not test.";
  }

  private static String scriptOnly(FoundRoutes.Alternative other, String taken) {
    return other.name()
        + " ("
        + other.text()
        + ") uses the proxy script "
        + Display.line(other.pac(), 300)
        + ", but this check's routes came from elsewhere ("
        + taken
        + "): a device in OOBE uses that script only if WPAD hands it out (DHCP option 252, or"
        + " http://wpad.<DNS suffix>/wpad.dat).";
  }
}
