package dev.preflight.run;

import dev.preflight.probe.Route;
import org.jspecify.annotations.Nullable;

/**
 * The route chosen for one endpoint, or why none could be chosen (for example a PAC script that
 * failed for this URL). Exactly one of {@code route} and {@code problem} is set.
 */
public record RouteChoice(@Nullable Route route, @Nullable String problem) {
  public RouteChoice {
    if ((route == null) == (problem == null)) {
      throw new IllegalArgumentException("exactly one of route and problem must be set");
    }
  }

  public static final RouteChoice DIRECT = new RouteChoice(Route.DIRECT, null);

  public static RouteChoice of(Route route) {
    return new RouteChoice(route, null);
  }

  public static RouteChoice unusable(String problem) {
    return new RouteChoice(null, problem);
  }
}
