package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Route;
import dev.preflight.run.proxy.ManualProxy;
import java.util.Objects;

/** Routes HTTP(S) requests through a proxy set by hand, per scheme, minus its bypass list. */
final class ManualRoutes implements RouteSelector {
  private final ManualProxy proxy;
  private final String description;
  private final String origin;

  /**
   * @param description the setting as the report's {@code environment.proxy} shows it
   * @param origin the source that chose it ({@code environment}, {@code system})
   */
  ManualRoutes(ManualProxy proxy, String description, String origin) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.description = Objects.requireNonNull(description, "description");
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String source() {
    return origin;
  }

  @Override
  public RouteChoice select(Endpoint endpoint) {
    boolean secure = endpoint.protocol() == Protocol.HTTPS;
    Route route = proxy.route(secure, endpoint.host(), endpoint.port());
    return route == null ? RouteChoice.DIRECT : RouteChoice.of(route);
  }

  @Override
  public String describe() {
    return description;
  }
}
