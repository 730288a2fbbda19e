package dev.preflight.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a check's routes came from and what that source found, as the report's {@code
 * environment.proxySource} shows it.
 *
 * @param source {@code device}, {@code system} or {@code none} (the {@code --proxy-source} that
 *     decided), or {@code --proxy}, {@code --pac} or {@code environment} (the {@code *_PROXY}
 *     variables) when those overrode it
 * @param found what the source found, one sentence ({@code WPAD http://wpad.corp.example/wpad.dat
 *     via DNS suffix corp.example}, {@code no WPAD found; ...})
 * @param pac the URL or file of the proxy script that decided the routes, or null when none did
 * @param wpadCandidates the WPAD URLs asked, in the order a device asks them; empty when WPAD was
 *     not looked for
 * @param routes how many endpoints were probed along each route, most first
 */
public record ProxySourceSummary(
    String source,
    String found,
    @Nullable String pac,
    List<String> wpadCandidates,
    List<RouteCount> routes) {

  /**
   * How many endpoints one route carried.
   *
   * @param route {@code DIRECT} or {@code PROXY host:port}, as an endpoint's {@code route} field
   */
  public record RouteCount(String route, int endpoints) {
    public RouteCount {
      Objects.requireNonNull(route, "route");
    }
  }

  public ProxySourceSummary {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(found, "found");
    wpadCandidates = List.copyOf(wpadCandidates);
    routes = List.copyOf(routes);
  }

  /** This summary with {@code counts} as its routes. */
  public ProxySourceSummary withRoutes(List<RouteCount> counts) {
    return new ProxySourceSummary(source, found, pac, wpadCandidates, counts);
  }

  /** "84 endpoints routed to PROXY proxy.corp.example:3128, 12 DIRECT", or "no endpoint probed". */
  public String routesSentence() {
    if (routes.isEmpty()) {
      return "no endpoint probed";
    }
    List<String> parts = new ArrayList<>();
    for (RouteCount count : routes) {
      String number = String.valueOf(count.endpoints());
      if (parts.isEmpty()) {
        number += count.endpoints() == 1 ? " endpoint" : " endpoints";
      }
      boolean direct = count.route().equals("DIRECT");
      parts.add(number + (direct ? " DIRECT" : " routed to " + count.route()));
    }
    return String.join(", ", parts);
  }
}
