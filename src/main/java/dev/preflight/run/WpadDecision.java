package dev.preflight.run;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.policy.pac.PacScript;
import dev.preflight.probe.net.Resolver;
import dev.preflight.run.PacDownload.Attempt;
import dev.preflight.run.PacDownload.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What WPAD discovery gives a device: the first candidate, in the device's order, that answered
 * with a proxy script decides, provided the script loads; with none, the device goes out directly.
 * Candidates that failed before that one (the name exists, or DHCP named it, but no usable script
 * came back) are warnings with a remedy: the device waits for each and then moves on, and the check
 * says where it went. A guessed name that does not resolve is the normal case and no warning.
 *
 * @param routes the script's routes, or null when the device goes direct
 * @param url the script's URL, or null
 * @param found what discovery found, one sentence without the final period
 * @param warnings the failures, one sentence each
 * @param candidates the URLs asked, in order
 */
record WpadDecision(
    @Nullable PacRoutes routes,
    @Nullable String url,
    String found,
    List<String> warnings,
    List<String> candidates) {
  WpadDecision {
    warnings = List.copyOf(warnings);
    candidates = List.copyOf(candidates);
  }

  /**
   * Decides from {@code attempts} (in candidate order); a found script is loaded with the run's
   * {@code resolver} for its DNS helpers, bounded by {@code timeout}, as the routes of {@code
   * origin} ({@code device}, {@code system}).
   */
  static WpadDecision decide(
      List<Attempt> attempts, Duration timeout, Resolver resolver, String origin) {
    List<String> urls = attempts.stream().map(a -> a.candidate().url()).toList();
    Attempt found = attempts.stream().filter(a -> a.kind() == Kind.FOUND).findFirst().orElse(null);
    String next = found == null ? "go out directly, as this check did" : "try the next candidate";
    List<String> warnings = new ArrayList<>();
    for (Attempt attempt :
        attempts.subList(0, found == null ? attempts.size() : attempts.indexOf(found))) {
      if (attempt.kind() == Kind.FAILED) {
        warnings.add(warning(attempt, next));
      }
    }
    return found == null
        ? new WpadDecision(null, null, notFound(urls, !warnings.isEmpty()), warnings, urls)
        : load(found, timeout, resolver, origin, warnings, urls);
  }

  private static WpadDecision load(
      Attempt attempt,
      Duration timeout,
      Resolver resolver,
      String origin,
      List<String> warnings,
      List<String> urls) {
    String url = attempt.candidate().url();
    String shown = shown(attempt);
    try {
      PacScript script = PacScript.of(url, attempt.script() == null ? "" : attempt.script());
      PacRoutes routes = PacRoutes.load(script, timeout, resolver, origin);
      return new WpadDecision(routes, url, "WPAD " + shown, warnings, urls);
    } catch (InputException e) {
      warnings.add(
          "WPAD found "
              + shown
              + ", but the script does not load ("
              + Display.line(e.getMessage(), 300)
              + "), so devices go out directly, as this check did: fix the script.");
      return new WpadDecision(
          null, null, "WPAD " + shown + " does not load, so direct", warnings, urls);
    }
  }

  private static String warning(Attempt attempt, String next) {
    return "WPAD: "
        + shown(attempt)
        + " "
        + attempt.detail()
        + ", so devices wait for it and then "
        + next
        + ": "
        + attempt.remedy()
        + ".";
  }

  private static String shown(Attempt attempt) {
    return Display.line(attempt.candidate().url(), 300) + " via " + attempt.candidate().via();
  }

  private static String notFound(List<String> urls, boolean failed) {
    if (urls.isEmpty()) {
      return "no WPAD: DHCP names no script and there is no DNS suffix to look under, so direct";
    }
    return (failed ? "no usable WPAD script" : "no WPAD found")
        + " (looked for "
        + Display.line(String.join(", ", urls), 600)
        + "), so direct";
  }
}
