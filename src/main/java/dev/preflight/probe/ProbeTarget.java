package dev.preflight.probe;

import dev.preflight.catalog.Endpoint;
import java.util.Objects;

/**
 * One probe to run: a catalog entry whose host is final (placeholders such as {@code {domain}}
 * already filled in) and the route chosen for it.
 */
public record ProbeTarget(Endpoint endpoint, Route route) {
  public ProbeTarget {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(route, "route");
  }
}
