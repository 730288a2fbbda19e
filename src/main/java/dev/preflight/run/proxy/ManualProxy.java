package dev.preflight.run.proxy;

import dev.preflight.probe.Route;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A proxy set by hand: one proxy per scheme (either may be absent, and then that scheme goes out
 * directly) and the hosts that bypass it.
 *
 * @param http the proxy for {@code http} URLs, or null for direct
 * @param https the proxy for {@code https} URLs, or null for direct
 */
public record ManualProxy(@Nullable Route http, @Nullable Route https, Bypass bypass) {
  public ManualProxy {
    Objects.requireNonNull(bypass, "bypass");
  }

  /**
   * Parses a proxy server list as WinINET's {@code ProxyServer} and WinHTTP's {@code proxy-server}
   * write it: {@code host:port} for every scheme, or per-scheme entries separated by semicolons
   * ({@code http=proxy:80;https=proxy:443;socks=socks:1080}). A scheme without an entry goes out
   * directly, unless a {@code socks=} entry serves every scheme without one; an omitted port is 80
   * (1080 for SOCKS), as in WinHTTP. Entries that are not {@code host[:port]} are ignored.
   *
   * @return the proxy, or null when no entry names one for http or https
   */
  public static @Nullable ManualProxy parse(String servers, Bypass bypass) {
    Route all = null;
    Route http = null;
    Route https = null;
    Route socks = null;
    for (String item : servers.strip().split("[;\\s]+")) {
      int equals = item.indexOf('=');
      boolean scoped = equals > 0 && !item.substring(0, equals).contains("/");
      String scheme = scoped ? item.substring(0, equals).toLowerCase(Locale.ROOT) : "";
      Route route = route(scoped ? item.substring(equals + 1) : item, scheme.equals("socks"));
      switch (scheme) {
        case "" -> all = route;
        case "http" -> http = route;
        case "https" -> https = route;
        case "socks" -> socks = route;
        default -> {
          // ftp= and other schemes are never probed.
        }
      }
    }
    Route forHttp = first(http, all, socks);
    Route forHttps = first(https, all, socks);
    return forHttp == null && forHttps == null ? null : new ManualProxy(forHttp, forHttps, bypass);
  }

  /** The proxy for a request, or null when it goes out directly. */
  public @Nullable Route route(boolean secure, String host, int port) {
    Route proxy = secure ? https : http;
    return proxy == null || bypass.bypasses(host, port) ? null : proxy;
  }

  private static @Nullable Route first(@Nullable Route... routes) {
    for (Route route : routes) {
      if (route != null) {
        return route;
      }
    }
    return null;
  }

  /** {@code [scheme://]host[:port]} as a route, or null when it is not one. */
  static @Nullable Route route(String text, boolean socks) {
    String value = text.strip();
    Route.Kind kind = socks ? Route.Kind.SOCKS : Route.Kind.PROXY;
    int scheme = value.indexOf("://");
    if (scheme > 0) {
      String name = value.substring(0, scheme).toLowerCase(Locale.ROOT);
      kind =
          name.startsWith("socks")
              ? Route.Kind.SOCKS
              : name.equals("https") ? Route.Kind.HTTPS : Route.Kind.PROXY;
      value = value.substring(scheme + 3);
    }
    value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    return hostPort(kind, value, kind == Route.Kind.SOCKS ? 1080 : 80);
  }

  private static @Nullable Route hostPort(Route.Kind kind, String value, int defaultPort) {
    String host = value;
    String port = "";
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      host = close > 0 ? value.substring(1, close) : "";
      port = close > 0 && value.startsWith(":", close + 1) ? value.substring(close + 2) : "";
    } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      host = value.substring(0, value.indexOf(':'));
      port = value.substring(value.indexOf(':') + 1);
    }
    if (!host.matches("[A-Za-z0-9._:-]{1,253}")
        || !port.matches("\\d{0,5}")
        || host.contains("@")) {
      return null;
    }
    int number = port.isEmpty() ? defaultPort : Integer.parseInt(port);
    return number >= 1 && number <= 65535
        ? new Route(kind, host.toLowerCase(Locale.ROOT), number)
        : null;
  }
}
