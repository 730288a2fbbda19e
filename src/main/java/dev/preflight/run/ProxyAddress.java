package dev.preflight.run;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.Secrets;
import dev.preflight.probe.Route;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Parses an HTTP proxy written as {@code http://host:port} (or plain {@code host:port}) into a
 * {@link Route}. The port defaults to 80, as in any {@code http} URL.
 *
 * <p>Credentials inside the URL are refused, never used: a device in OOBE has no proxy credentials,
 * so a check that authenticated would report a network as ready when the devices would fail. The
 * error message never repeats the password.
 */
public final class ProxyAddress {
  private ProxyAddress() {}

  /**
   * Parses {@code value}; {@code source} names where it came from ({@code --proxy}, {@code
   * HTTPS_PROXY}) for the error message.
   *
   * @throws InputException when the value is not an {@code http://host[:port]} URL without
   *     credentials
   */
  public static Route parse(String source, String value) {
    String text = value.trim();
    String shown = Display.quoted(Secrets.redact(text));
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri = toUri(source, withScheme);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null) {
      throw new InputException(
          source,
          "the proxy URL contains credentials; preflight never sends proxy credentials because a"
              + " device in OOBE has none, so give the proxy as http://host:port and let the"
              + " check show whether it demands authentication");
    }
    if (!scheme.equals("http")) {
      throw new InputException(
          source,
          "'"
              + Display.line(scheme, 20)
              + "://' proxies are not supported; give an HTTP proxy as http://host:port (HTTPS"
              + " goes through it with CONNECT)");
    }
    if (uri.getHost() == null) {
      throw new InputException(source, shown + " has no proxy host (expected host:port)");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw new InputException(source, shown + " must be http://host:port without a path");
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new InputException(source, shown + " has no valid port (1-65535)");
    }
    return Route.proxy(stripBrackets(uri.getHost()), port);
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

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
