package dev.preflight.probe;

import dev.preflight.common.Display;
import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.Connection;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Opens a CONNECT tunnel (RFC 9110 section 9.3.6) through an HTTP proxy, in the PROXY_TUNNEL phase.
 * No {@code Proxy-Authorization} is ever sent: a device in OOBE has no credentials, so a 407 is
 * reported as {@link Cause#HTTP_PROXY_AUTH_REQUIRED}, and any other refusal as {@link
 * Cause#HTTP_BLOCKED}. The answer is read byte by byte so that no TLS byte after it is consumed.
 */
final class ProxyTunnel {
  private ProxyTunnel() {}

  static void open(ProbeRun run, Connection proxy, String host, int port) throws ProbeAbort {
    String authority = authority(host, port);
    String subject = "proxy " + run.target().route().host() + ":" + run.target().route().port();
    run.start(Phase.PROXY_TUNNEL);
    HttpResponse answer =
        run.attempt(
            Phase.PROXY_TUNNEL,
            Peer.PROXY,
            subject,
            () -> {
              OutputStream out = proxy.output();
              out.write(request(authority).getBytes(StandardCharsets.ISO_8859_1));
              out.flush();
              return new ResponseReader(proxy, run.deadline(), false).read(false);
            });
    int status = answer.status();
    if (status == 407) {
      throw run.fail(
          Phase.PROXY_TUNNEL,
          Cause.HTTP_PROXY_AUTH_REQUIRED,
          subject + " demands authentication (407) for CONNECT " + authority);
    }
    if (status < 200 || status > 299) {
      String squid = answer.header("X-Squid-Error").map(e -> ", " + Display.line(e, 80)).orElse("");
      throw run.fail(
          Phase.PROXY_TUNNEL,
          Cause.HTTP_BLOCKED,
          subject + " answered CONNECT " + authority + " with " + status + squid);
    }
    run.end(Phase.PROXY_TUNNEL);
  }

  static String authority(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  private static String request(String authority) {
    return "CONNECT "
        + authority
        + " HTTP/1.1\r\n"
        + "Host: "
        + authority
        + "\r\n"
        + "User-Agent: "
        + HttpProbe.USER_AGENT
        + "\r\n"
        + "\r\n";
  }
}
