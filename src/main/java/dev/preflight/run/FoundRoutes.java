package dev.preflight.run;

import dev.preflight.probe.ProbeTarget;
import dev.preflight.verdict.ProxySourceSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The routes one check takes and how they were found, with the paths other sources on this machine
 * would have taken, for {@link SourceComparison}.
 *
 * @param routes how HTTP(S) requests leave this machine in this run
 * @param summary the report's account of the source, without route counts (the plan adds them)
 * @param warnings what went wrong finding them (a broken WPAD script, an unreachable one), one
 *     sentence each
 * @param alternatives the other sources of this machine that have a setting
 */
record FoundRoutes(
    RouteSelector routes,
    ProxySourceSummary summary,
    List<String> warnings,
    List<Alternative> alternatives) {
  FoundRoutes {
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(summary, "summary");
    warnings = List.copyOf(warnings);
    alternatives = List.copyOf(alternatives);
  }

  /**
   * Another source's path.
   *
   * @param name who takes it ({@code This machine's WinHTTP setting}, {@code A device in OOBE})
   * @param text what that source says, for the sentence
   * @param routes its routes, or null when only its script is known ({@code pac})
   * @param pac the script it uses, or null
   * @param device true for the device's own path, compared in a {@code system} run
   */
  record Alternative(
      String name,
      String text,
      @Nullable RouteSelector routes,
      @Nullable String pac,
      boolean device) {}

  /** The summary with the number of {@code planned} probes along each route, most first. */
  ProxySourceSummary summary(List<ProbeTarget> planned) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    planned.forEach(t -> counts.merge(t.route().toString(), 1, Integer::sum));
    List<ProxySourceSummary.RouteCount> routes =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .map(e -> new ProxySourceSummary.RouteCount(e.getKey(), e.getValue()))
            .toList();
    return summary.withRoutes(routes);
  }

  /** The routes given by {@code --proxy}, {@code --pac} or the proxy variables. */
  static FoundRoutes given(RouteSelector routes) {
    String described = routes.describe();
    String found = described == null ? "every request goes out directly" : described;
    ProxySourceSummary summary =
        new ProxySourceSummary(routes.source(), found, routes.script(), List.of(), List.of());
    return new FoundRoutes(routes, summary, List.of(), List.of());
  }
}
