package dev.preflight.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An {@code https} URL a discovery answer names, checked before preflight probes it: a peer's text
 * becomes a probe target only when it is an absolute {@code https} URL with a DNS host name.
 *
 * @param host the host, lower case
 * @param port the port (443 when the URL gives none)
 * @param path the path and query, at least {@code /}
 */
record DiscoveredUrl(String host, int port, String path) {
  private static final Pattern HOST =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");
  private static final int MAX_LENGTH = 2048;

  /**
   * @param what what the URL is, for the problem's sentence ({@code "the identity provider URL"})
   * @throws DiscoveryProblem when the text is not such a URL
   */
  static DiscoveredUrl parse(String text, String what) throws DiscoveryProblem {
    String trimmed = text.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw new DiscoveryProblem(what + " is longer than " + MAX_LENGTH + " characters");
    }
    try {
      URI uri = new URI(trimmed);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || !HOST.matcher(host).matches()) {
        throw new DiscoveryProblem(what + " is not an https URL with a host name");
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new DiscoveredUrl(host, uri.getPort() < 0 ? 443 : uri.getPort(), path + query);
    } catch (URISyntaxException e) {
      throw new DiscoveryProblem(what + " is not a valid URL");
    }
  }

  @Override
  public String toString() {
    return "https://" + host + (port == 443 ? "" : ":" + port) + path;
  }
}
