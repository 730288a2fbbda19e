package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Route;
import dev.preflight.run.proxy.NoProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The proxy the standard environment variables name: {@code HTTPS_PROXY} for HTTPS, {@code
 * HTTP_PROXY} for HTTP, each also in lower case (upper case wins when both are set, as in Go), and
 * {@code NO_PROXY} for the hosts that bypass them (see {@link NoProxy}). A scheme without a
 * variable goes out directly; {@code ALL_PROXY} is not read.
 */
public final class EnvironmentProxy implements RouteSelector {
  private final @Nullable Route https;
  private final @Nullable Route http;
  private final NoProxy noProxy;
  private final String description;

  private EnvironmentProxy(
      @Nullable Route https, @Nullable Route http, NoProxy noProxy, String description) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
    this.description = description;
  }

  /**
   * The selector for {@code env}, or empty when neither proxy variable is set.
   *
   * @throws dev.preflight.common.InputException when a variable is not a credential-free {@code
   *     http://host:port}
   */
  public static Optional<RouteSelector> from(Map<String, String> env) {
    Optional<Named> https = variable(env, "HTTPS_PROXY");
    Optional<Named> http = variable(env, "HTTP_PROXY");
    if (https.isEmpty() && http.isEmpty()) {
      return Optional.empty();
    }
    Optional<Named> noProxy = variable(env, "NO_PROXY");
    List<String> parts = new ArrayList<>();
    https.ifPresent(n -> parts.add(n.name + "=" + n.value));
    http.ifPresent(n -> parts.add(n.name + "=" + n.value));
    noProxy.ifPresent(n -> parts.add(n.name + "=" + n.value));
    return Optional.of(
        new EnvironmentProxy(
            https.map(n -> ProxyAddress.parse(n.name, n.value)).orElse(null),
            http.map(n -> ProxyAddress.parse(n.name, n.value)).orElse(null),
            NoProxy.parse(noProxy.map(n -> n.value).orElse(null)),
            String.join(" ", parts)));
  }

  private record Named(String name, String value) {}

  private static Optional<Named> variable(Map<String, String> env, String upper) {
    for (String name : List.of(upper, upper.toLowerCase(java.util.Locale.ROOT))) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(new Named(name, value.trim()));
      }
    }
    return Optional.empty();
  }

  @Override
  public RouteChoice select(Endpoint endpoint) {
    Route proxy = endpoint.protocol() == Protocol.HTTPS ? https : http;
    if (proxy == null || noProxy.bypasses(endpoint.host(), endpoint.port())) {
      return RouteChoice.DIRECT;
    }
    return RouteChoice.of(proxy);
  }

  @Override
  public String describe() {
    return description;
  }
}
