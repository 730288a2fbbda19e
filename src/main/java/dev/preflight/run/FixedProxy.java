package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.Route;
import java.util.Objects;

/** Routes every HTTP(S) request through one proxy, as {@code --proxy} asks. */
public final class FixedProxy implements RouteSelector {
  private final Route proxy;

  public FixedProxy(Route proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
  }

  @Override
  public RouteChoice select(Endpoint endpoint) {
    return RouteChoice.of(proxy);
  }

  @Override
  public String source() {
    return "--proxy";
  }

  @Override
  public String describe() {
    return "http://" + hostPort(proxy);
  }

  static String hostPort(Route route) {
    String host = route.host();
    return (host != null && host.contains(":") ? "[" + host + "]" : host) + ":" + route.port();
  }
}
