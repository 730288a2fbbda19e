package dev.preflight.probe;

import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.Connection;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Opens a CONNECT tunnel (RFC 9110 section 9.3.6) through an HTTP proxy, in the PROXY_TUNNEL phase.
 * No {@code Proxy-Authorization} is ever sent: a device in OOBE has no credentials, so a 407 is
 * reported as {@link Cause#HTTP_PROXY_AUTH_REQUIRED}. Any other answer but 2xx is the proxy's own,
 * read with its error page for what it says ({@link ProxyAnswer}): a refusal is {@link
 * Cause#HTTP_BLOCKED}, a destination the proxy could not reach or resolve {@link
 * Cause#PROXY_UPSTREAM_FAILED} — a warning when it is an IPv6-only name and the proxy has no IPv6
 * route, since a device behind that proxy does not use such names either. The head is read byte by
 * byte so that no TLS byte after it is consumed; the error page only after a refusal.
 */
final class ProxyTunnel {
  private ProxyTunnel() {}

  static void open(ProbeRun run, Connection proxy, String host, int port) throws ProbeAbort {
    String authority = authority(host, port);
    String subject = "proxy " + run.target().route().host() + ":" + run.target().route().port();
    run.start(Phase.PROXY_TUNNEL);
    ResponseReader reader =
        run.attempt(
            Phase.PROXY_TUNNEL,
            Peer.PROXY,
            subject,
            () -> {
              OutputStream out = proxy.output();
              out.write(request(authority).getBytes(StandardCharsets.ISO_8859_1));
              out.flush();
              return new ResponseReader(proxy, run.deadline(), false);
            });
    HttpResponse answer = run.attempt(Phase.PROXY_TUNNEL, Peer.PROXY, subject, reader::head);
    int status = answer.status();
    if (status == 407) {
      throw run.fail(
          Phase.PROXY_TUNNEL,
          Cause.HTTP_PROXY_AUTH_REQUIRED,
          subject + " demands authentication (407) for CONNECT " + authority);
    }
    if (status < 200 || status > 299) {
      throw refused(run, subject, host, authority, reader.errorPage(answer));
    }
    run.end(Phase.PROXY_TUNNEL);
  }

  private static ProbeAbort refused(
      ProbeRun run, String subject, String host, String authority, HttpResponse answer) {
    ProxyAnswer.Reading reading = Ipv6OnlyName.refine(run, host, ProxyAnswer.ofProxy(answer));
    if (reading.product() != null) {
      run.fact(Fact.PRODUCT, reading.product());
    }
    if (reading.ipv6Only()) {
      return run.abort(
          reading.ipv6OnlyWarning(Phase.PROXY_TUNNEL, subject, authority, answer.status()));
    }
    String said = answer.status() + reading.suffix();
    String what =
        reading.meaning() == ProxyAnswer.Meaning.REFUSED
            ? " refused CONNECT " + authority + " with "
            : " could not reach " + authority + ": it answered CONNECT with ";
    return run.fail(Phase.PROXY_TUNNEL, reading.cause(), subject + what + said);
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
