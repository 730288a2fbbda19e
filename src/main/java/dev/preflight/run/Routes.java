package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;

/** Applies a {@link RouteSelector} to the entries it concerns. */
public final class Routes {
  private Routes() {}

  /**
   * The route for {@code endpoint}: the selector's choice for HTTP and HTTPS entries, DIRECT for
   * every other protocol, because an HTTP proxy carries only HTTP (and CONNECT tunnels a device
   * opens for HTTPS); time, name, directory and Kerberos traffic always goes out directly.
   */
  public static RouteChoice choose(RouteSelector selector, Endpoint endpoint) {
    if (endpoint.protocol() == Protocol.HTTP || endpoint.protocol() == Protocol.HTTPS) {
      return selector.select(endpoint);
    }
    return RouteChoice.DIRECT;
  }
}
