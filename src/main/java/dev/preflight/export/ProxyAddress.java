package dev.preflight.export;

import dev.preflight.common.Display;
import dev.preflight.common.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP proxy given as {@code http://host:port}, spelled for a PAC file as {@code PROXY
 * host:port}. The host is a DNS name, an IPv4 address or a bracketed IPv6 address; the port is
 * explicit and between 1 and 65535.
 */
public record ProxyAddress(String host, int port) {
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

  public ProxyAddress {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /**
   * Parses {@code http://host:port} (a trailing {@code /} is allowed).
   *
   * @throws IllegalArgumentException with a one-sentence reason when the text is not such a URL
   */
  public static ProxyAddress parse(String text) {
    // Messages quote the text as given, which may hold a password: never print it.
    String shown = Display.quoted(Secrets.redact(text));
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(shown + " is not a URL (expected http://host:port)");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException(shown + " must start with http:// (http://host:port)");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean bare =
        uri.getRawUserInfo() == null
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && (uri.getRawPath() == null
                || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/"));
    if (host.isEmpty()
        || !(NAME.matcher(host).matches() || IPV6.matcher(host).matches())
        || !bare) {
      throw new IllegalArgumentException(
          shown + " is not a proxy address (expected http://host:port, nothing else)");
    }
    if (uri.getPort() < 1 || uri.getPort() > 65535) {
      throw new IllegalArgumentException(
          shown + " needs a port from 1 to 65535 (expected http://host:port)");
    }
    return new ProxyAddress(host, uri.getPort());
  }

  /** The PAC result for this proxy: {@code PROXY host:port}. */
  public String pacDirective() {
    return "PROXY " + host + ":" + port;
  }
}
