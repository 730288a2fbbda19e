package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chooses how an HTTP or HTTPS request for an endpoint leaves this machine: directly, through an
 * explicit proxy, through the proxy named by the environment, or as a PAC script decides.
 *
 * <p>It is consulted for {@code http} and {@code https} entries only: NTP, DNS, LDAP, Kerberos and
 * raw TCP never go through an HTTP proxy (see {@link Routes#choose}).
 */
public interface RouteSelector {
  /** The route for a request to {@code endpoint.target()}. */
  RouteChoice select(Endpoint endpoint);

  /** The proxy setting as the report's {@code environment.proxy} shows it, or null for none. */
  @Nullable String describe();

  /**
   * Which source decided these routes, as the report's {@code environment.proxySource.source} names
   * it: {@code --proxy}, {@code --pac}, {@code environment}, or a {@link ProxySource} id.
   */
  default String source() {
    return ProxySource.NONE.id();
  }

  /** The proxy script (URL or file) that decides these routes, or null when none does. */
  default @Nullable String script() {
    return null;
  }

  /**
   * The selector for one more run, with every per-run budget and count started afresh; a run asks
   * for it before it selects a route. Stateless selectors are their own.
   */
  default RouteSelector forRun() {
    return this;
  }

  /** What the selector could not decide reliably, one sentence each; asked after planning. */
  default List<String> warnings() {
    return List.of();
  }

  /** Every request goes out directly. */
  RouteSelector DIRECT =
      new RouteSelector() {
        @Override
        public RouteChoice select(Endpoint endpoint) {
          return RouteChoice.DIRECT;
        }

        @Override
        public @Nullable String describe() {
          return null;
        }
      };
}
