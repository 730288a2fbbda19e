package dev.preflight.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one parser for an HTTP proxy given as {@code http://host:port} or plain {@code host:port},
 * wherever one is given: {@code check --proxy}, {@code HTTPS_PROXY} and {@code HTTP_PROXY}, {@code
 * export --format pac --proxy}. The port defaults to 80, as in any {@code http} URL; the host is a
 * name, an IPv4 address or a bracketed IPv6 address, in lower case.
 *
 * <p>Credentials inside the URL are refused, never used: a device in OOBE has no proxy credentials,
 * so a check that authenticated would report a network as ready when the devices would fail. The
 * error message never repeats the password.
 */
public final class ProxyUrl {
  private ProxyUrl() {}

  /**
   * Parses {@code value}; {@code source} names where it came from ({@code --proxy}, {@code
   * HTTPS_PROXY}) for the error message.
   *
   * @throws InputException when the value is not an {@code http://host[:port]} URL without
   *     credentials
   */
  public static HostPort parse(String source, String value) {
    String text = value.trim();
    String shown = Display.quoted(Secrets.redact(text));
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri = toUri(source, withScheme);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null) {
      throw new InputException(
          source,
          "the proxy URL "
              + shown
              + " contains credentials; preflight never sends proxy credentials because a"
              + " device in OOBE has none, so give the proxy as http://host:port and let the"
              + " check show whether it demands authentication");
    }
    if (!scheme.equals("http")) {
      throw new InputException(
          source,
          "'"
              + Display.line(scheme, 40)
              + "://' proxies are not supported; give an HTTP proxy as http://host:port (HTTPS"
              + " goes through it with CONNECT)");
    }
    if (uri.getHost() == null) {
      throw new InputException(source, shown + " has no proxy host (expected host:port)");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new InputException(source, shown + " must be http://host:port without a path");
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new InputException(source, shown + " has no valid port (1-65535)");
    }
    return new HostPort(uri.getHost().toLowerCase(Locale.ROOT), port);
  }

  private static URI toUri(String source, String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || (uri.getHost() == null && uri.getRawAuthority() != null)) {
        throw new URISyntaxException(text, "no host:port");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InputException(
          source,
          Display.quoted(Secrets.redact(text)) + " is not a proxy URL (expected http://host:port)");
    }
  }
}
