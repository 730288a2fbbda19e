package dev.preflight.run;

import dev.preflight.common.ProxyUrl;
import dev.preflight.probe.Route;
import dev.preflight.run.proxy.ManualProxy;
import dev.preflight.run.proxy.NoProxy;
import dev.preflight.run.proxy.ProxySetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy the standard environment variables name: {@code HTTPS_PROXY} for HTTPS, {@code
 * HTTP_PROXY} for HTTP, each also in lower case (upper case wins when both are set, as in Go), and
 * {@code NO_PROXY} for the hosts that bypass them (see {@link NoProxy}). A scheme without a
 * variable goes out directly; {@code ALL_PROXY} is not read.
 */
public final class EnvironmentProxy {
  /** The origin the report names for these variables. */
  static final String ORIGIN = "environment";

  private EnvironmentProxy() {}

  /**
   * The selector for {@code env}, or empty when neither proxy variable is set.
   *
   * @throws dev.preflight.common.InputException when a variable is not a credential-free {@code
   *     http://host:port}
   */
  public static Optional<RouteSelector> from(Map<String, String> env) {
    return setting(env).map(s -> new ManualRoutes(s.manual(), s.text(), ORIGIN));
  }

  /**
   * The variables as a proxy setting of this machine, or empty when neither proxy variable is set.
   *
   * @throws dev.preflight.common.InputException as {@link #from}
   */
  public static Optional<ProxySetting> setting(Map<String, String> env) {
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
    ManualProxy manual =
        new ManualProxy(
            http.map(EnvironmentProxy::parse).orElse(null),
            https.map(EnvironmentProxy::parse).orElse(null),
            NoProxy.parse(noProxy.map(n -> n.value).orElse(null)));
    return Optional.of(new ProxySetting(ORIGIN, String.join(" ", parts), false, null, manual));
  }

  private record Named(String name, String value) {}

  private static Route parse(Named variable) {
    return Route.proxy(ProxyUrl.parse(variable.name, variable.value));
  }

  private static Optional<Named> variable(Map<String, String> env, String upper) {
    for (String name : List.of(upper, upper.toLowerCase(Locale.ROOT))) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(new Named(name, value.trim()));
      }
    }
    return Optional.empty();
  }
}
