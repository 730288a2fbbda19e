package dev.preflight.policy.squid;

import dev.preflight.common.IpAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The request Squid sees for one endpoint: {@code CONNECT host:443} for HTTPS, an absolute-form
 * {@code GET http://host/path} for HTTP.
 *
 * @param method the request method
 * @param host the lower-case destination host
 * @param port the destination port
 * @param url the URL as Squid's url_regex sees it ({@code host:port} for CONNECT)
 * @param clientIp the client address src acls see, if known
 * @param step the SslBump step being evaluated (1 to 3), or 0 outside ssl_bump
 */
record SquidRequest(
    String method, String host, int port, String url, Optional<IpAddress> clientIp, int step) {

  SquidRequest {
    host = host.toLowerCase(Locale.ROOT);
  }

  static SquidRequest connect(String host, int port, Optional<IpAddress> clientIp) {
    return new SquidRequest("CONNECT", host, port, host + ":" + port, clientIp, 0);
  }

  static SquidRequest get(String host, int port, String path, Optional<IpAddress> clientIp) {
    String authority = port == 80 ? host : host + ":" + port;
    return new SquidRequest("GET", host, port, "http://" + authority + path, clientIp, 0);
  }

  SquidRequest atStep(int newStep) {
    return new SquidRequest(method, host, port, url, clientIp, newStep);
  }

  SquidRequest withHost(String newHost) {
    String newUrl = url.replaceFirst(java.util.regex.Pattern.quote(host), newHost);
    return new SquidRequest(method, newHost, port, newUrl, clientIp, step);
  }
}
