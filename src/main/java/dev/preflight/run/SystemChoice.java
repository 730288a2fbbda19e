package dev.preflight.run;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.policy.pac.PacScript;
import dev.preflight.probe.net.Resolver;
import dev.preflight.run.PacDownload.Attempt;
import dev.preflight.run.PacDownload.Kind;
import dev.preflight.run.proxy.ProxySetting;
import dev.preflight.verdict.ProxySourceSummary;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The routes this machine's own applications take ({@code --proxy-source system}): the first of the
 * machine's settings, in its clients' order, that names a proxy decides. Within it, automatic
 * detection comes first, then the configuration script, then the proxy set by hand, each falling
 * back to the next when it yields nothing, as Internet Options and macOS try them. A device in OOBE
 * is compared with the result, because it has none of these settings.
 */
final class SystemChoice {
  private record Decision(RouteSelector routes, String found, @Nullable String pac) {}

  private final CheckSettings settings;
  private final Resolver resolver;
  private final WpadDecision device;
  private final List<Attempt> attempts;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param attempts every script asked for this run, WPAD's and the settings' own
   */
  SystemChoice(
      CheckSettings settings, Resolver resolver, WpadDecision device, List<Attempt> attempts) {
    this.settings = settings;
    this.resolver = resolver;
    this.device = device;
    this.attempts = attempts;
    this.warnings.addAll(device.warnings());
  }

  FoundRoutes choose(List<ProxySetting> machine) {
    for (ProxySetting setting : machine) {
      Decision decision = setting.direct() ? null : decide(setting);
      if (decision != null) {
        List<ProxySetting> others = new ArrayList<>(machine);
        others.remove(setting);
        return found(decision, others);
      }
    }
    String found =
        machine.isEmpty()
            ? "no proxy setting on this machine, so direct"
            : "no proxy in the "
                + String.join(" or ", machine.stream().map(ProxySetting::origin).toList())
                + " setting, so direct";
    return found(new Decision(RouteSelector.DIRECT, found, null), machine);
  }

  private @Nullable Decision decide(ProxySetting setting) {
    String origin = setting.origin();
    if (setting.autoDetect() && device.routes() != null) {
      return new Decision(
          device.routes(), origin + " automatic detection: " + device.found(), device.url());
    }
    String url = setting.pacUrl();
    PacRoutes script = url == null ? null : script(origin, url);
    if (script != null) {
      return new Decision(script, origin + " script " + Display.line(url, 300), url);
    }
    if (setting.manual() != null) {
      RouteSelector manual =
          new ManualRoutes(
              setting.manual(), origin + " " + setting.text(), ProxySource.SYSTEM.id());
      return new Decision(manual, origin + ": " + setting.text(), null);
    }
    return null;
  }

  /** The routes of the script {@code url}, or null (with a warning) when it cannot be used. */
  private @Nullable PacRoutes script(String origin, String url) {
    Attempt attempt =
        attempts.stream().filter(a -> a.candidate().url().equals(url)).findFirst().orElse(null);
    String shown = Display.line(url, 300);
    if (attempt == null || attempt.kind() != Kind.FOUND) {
      String detail = attempt == null ? "was not asked" : attempt.detail();
      warnings.add(
          origin
              + " names the proxy script "
              + shown
              + ", which "
              + detail
              + ", so its applications fall back to the next setting, as this check did: "
              + (attempt == null ? "correct the URL" : attempt.remedy())
              + ".");
      return null;
    }
    try {
      PacScript text = PacScript.of(url, attempt.script() == null ? "" : attempt.script());
      return PacRoutes.load(text, settings.timeout(), resolver, ProxySource.SYSTEM.id());
    } catch (InputException e) {
      warnings.add(
          origin
              + " names the proxy script "
              + shown
              + ", which does not load ("
              + Display.line(e.getMessage(), 300)
              + "), so its applications fall back to the next setting, as this check did: fix the"
              + " script.");
      return null;
    }
  }

  private FoundRoutes found(Decision decision, List<ProxySetting> others) {
    ProxySourceSummary summary =
        new ProxySourceSummary(
            ProxySource.SYSTEM.id(),
            decision.found(),
            decision.pac(),
            device.candidates(),
            List.of());
    List<FoundRoutes.Alternative> alternatives = new ArrayList<>();
    for (ProxySetting other : others) {
      alternatives.add(RouteFinder.alternative(other, device));
    }
    RouteSelector devices = device.routes() == null ? RouteSelector.DIRECT : device.routes();
    alternatives.add(
        new FoundRoutes.Alternative(
            "A device in OOBE", device.found(), devices, device.url(), true));
    return new FoundRoutes(decision.routes(), summary, warnings, alternatives);
  }
}
