package dev.preflight.common;

import java.util.Objects;
import java.util.Optional;

/**
 * A host and a port as URLs, proxy settings and PAC routes write them: {@code host:port}, with an
 * IPv6 literal in brackets ({@code [2001:db8::1]:3128}, RFC 3986 section 3.2.2). This is the one
 * place that adds and removes those brackets.
 *
 * @param host a name or an address literal, without brackets
 * @param port 0 to 65535
 */
public record HostPort(String host, int port) {
  public HostPort {
    Objects.requireNonNull(host, "host");
    host = unbracketed(host);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * {@code host} as a URL authority writes it: an IPv6 literal in brackets, anything else as is.
   */
  public static String bracketed(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** {@code host} without the brackets around an IPv6 literal. */
  public static String unbracketed(String host) {
    return host.length() > 1 && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1)
        : host;
  }

  /** {@code host:port}, an IPv6 literal bracketed. */
  public static String authority(String host, int port) {
    return bracketed(host) + ":" + port;
  }

  /**
   * Parses {@code host:port} or {@code [ipv6]:port}; without a port (a name, an IPv4 address, or an
   * IPv6 address bare or bracketed) the port is {@code defaultPort}. Empty when the text is none of
   * these or the port is not 0 to 65535 (0 asks the system for one when binding; callers that
   * connect refuse it).
   */
  public static Optional<HostPort> parse(String text, int defaultPort) {
    String t = text.strip();
    String host = t;
    String port = null;
    int colon = t.indexOf(':');
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      String rest = close < 0 ? "" : t.substring(close + 1);
      if (close < 0 || !(rest.isEmpty() || rest.startsWith(":"))) {
        return Optional.empty();
      }
      host = t.substring(1, close);
      port = rest.isEmpty() ? null : rest.substring(1);
    } else if (colon >= 0 && colon == t.lastIndexOf(':')) {
      host = t.substring(0, colon);
      port = t.substring(colon + 1);
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    if (port == null) {
      return Optional.of(new HostPort(host, defaultPort));
    }
    if (!port.matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int value = Integer.parseInt(port);
    return value <= 65535 ? Optional.of(new HostPort(host, value)) : Optional.empty();
  }

  /** {@code host:port}, an IPv6 literal bracketed. */
  @Override
  public String toString() {
    return authority(host, port);
  }
}
