package dev.preflight.probe;

import dev.preflight.catalog.Endpoint;
import dev.preflight.common.HostPort;
import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.Connection;
import dev.preflight.probe.net.TlsSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 request (a GET for a probe, any {@link HttpRequest} for an {@link HttpExchange})
 * over its own socket, so that every phase has the probe's deadline and the route is under control:
 * RESOLVE, CONNECT, then for {@code https} TLS_HANDSHAKE (through a CONNECT tunnel, PROXY_TUNNEL,
 * when routed via a proxy), then REQUEST and RESPONSE. Redirects are never followed. Through a
 * proxy the target's name is the proxy's to resolve, so no local RESOLVE of it happens: networks
 * that only let the proxy resolve public names are common and correct.
 *
 * <p>Routes are {@code DIRECT} or {@code PROXY} (an HTTP proxy); the plan never hands this probe an
 * {@code HTTPS} or {@code SOCKS} route, and doing so is a programming error.
 */
final class HttpProbe implements Probe {
  static final String USER_AGENT = "preflight";

  private final boolean tls;

  HttpProbe(boolean tls) {
    this.tls = tls;
  }

  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context, Deadline deadline) {
    return exchange(target, HttpRequest.PROBE, context, deadline).result();
  }

  /** Sends {@code request} within a deadline of the context's timeout, starting now. */
  HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request, ProbeContext context) {
    return exchange(target, request, context, Deadline.start(context.clock(), context.timeout()));
  }

  private HttpExchange.Outcome exchange(
      ProbeTarget target, HttpRequest request, ProbeContext context, Deadline deadline) {
    Route.Kind kind = target.route().kind();
    if (kind != Route.Kind.DIRECT && kind != Route.Kind.PROXY) {
      throw new IllegalArgumentException(
          "HTTP probes support DIRECT and PROXY routes, not " + kind);
    }
    ProbeRun run = new ProbeRun(target, context, deadline);
    Endpoint endpoint = target.endpoint();
    boolean viaProxy = kind == Route.Kind.PROXY;
    try (Connection connection = connect(run, endpoint, viaProxy)) {
      boolean authenticated = false;
      if (tls) {
        if (viaProxy) {
          ProxyTunnel.open(run, connection, endpoint.host(), endpoint.port());
        }
        authenticated = handshake(run, connection, endpoint);
      }
      HttpResponse response = exchange(run, connection, request, viaProxy && !tls, authenticated);
      return new HttpExchange.Outcome(run.passed(), response);
    } catch (ProbeAbort abort) {
      return new HttpExchange.Outcome(run.failed(abort.failure()), null);
    }
  }

  private static Connection connect(ProbeRun run, Endpoint endpoint, boolean viaProxy)
      throws ProbeAbort {
    return viaProxy
        ? Dialer.proxy(run)
        : Dialer.direct(run, endpoint.host(), endpoint.port(), Peer.ORIGIN);
  }

  /**
   * Runs and judges the handshake; true when the chain ends at a public root, so that nothing
   * between here and the origin can have written the response.
   */
  private static boolean handshake(ProbeRun run, Connection connection, Endpoint endpoint)
      throws ProbeAbort {
    String host = endpoint.host();
    String subject = ProxyTunnel.authority(host, endpoint.port());
    run.start(Phase.TLS_HANDSHAKE);
    // The handshake's computing waits for a CPU slot, outside the deadline; its waits for the peer
    // give the slot up, so the phase measures the network and the peer, not this machine's queue.
    try (CpuSlots.Held cpu = run.cpuSlot()) {
      TlsSession session =
          run.attempt(
              Phase.TLS_HANDSHAKE,
              Peer.ORIGIN,
              subject,
              () -> connection.startTls(host, run.deadline().remaining(), cpu));
      ChainJudge judge = new ChainJudge(PublicRoots.jdk(), run.context().extraRoots());
      ChainJudge.Path path = judge.path(session.chain());
      recordTls(run, session, path);
      ProbeFailure failure = judge.judge(path, host, endpoint.roots(), run.context().clock().now());
      if (failure != null) {
        throw run.abort(failure);
      }
      run.end(Phase.TLS_HANDSHAKE);
      return judge.publicAnchor(path);
    }
  }

  private static void recordTls(ProbeRun run, TlsSession session, ChainJudge.Path path) {
    X509Certificate leaf = session.chain().get(0);
    X509Certificate root = path.anchor() != null ? path.anchor() : path.top();
    run.fact(Fact.TLS_PROTOCOL, session.protocol());
    run.fact(Fact.TLS_ISSUER, ChainJudge.name(leaf.getIssuerX500Principal().getName()));
    run.fact(Fact.TLS_ROOT, ChainJudge.name(root));
    run.fact(Fact.TLS_NOT_AFTER, leaf.getNotAfter().toInstant().toString());
    ChainJudge.product(path).ifPresent(product -> run.fact(Fact.PRODUCT, product));
  }

  private HttpResponse exchange(
      ProbeRun run,
      Connection connection,
      HttpRequest request,
      boolean absolute,
      boolean authenticated)
      throws ProbeAbort {
    Endpoint endpoint = run.target().endpoint();
    String subject = endpoint.target();
    byte[] head = head(endpoint, request, absolute).getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = request.body();
    run.phase(
        Phase.REQUEST,
        Peer.ORIGIN,
        subject,
        () -> {
          OutputStream out = connection.output();
          out.write(head);
          out.write(body);
          out.flush();
          return head.length + body.length;
        });
    int limit = request.readsBody() ? request.maxBody() : ResponseReader.MAX_BODY;
    run.start(Phase.RESPONSE);
    ResponseReader reader =
        run.attempt(
            Phase.RESPONSE,
            Peer.ORIGIN,
            subject,
            () -> new ResponseReader(connection, run.deadline(), true, limit));
    HttpResponse response =
        run.attempt(
            Phase.RESPONSE,
            Peer.ORIGIN,
            subject,
            () -> read(reader, endpoint, request, authenticated));
    run.fact(Fact.HTTP_STATUS, Integer.toString(response.status()));
    response.header("Date").map(HttpProbe::isoDate).ifPresent(d -> run.fact(Fact.HTTP_DATE, d));
    ProxyAnswer.Reading proxy = authenticated ? null : ProxyAnswer.read(response);
    if (proxy != null) {
      proxy = Ipv6OnlyName.refine(run, endpoint.host(), proxy);
    }
    if (proxy != null && proxy.product() != null) {
      run.fact(Fact.PRODUCT, proxy.product());
    }
    ProbeFailure failure = HttpJudge.judge(response, proxy, endpoint.expect(), subject);
    if (failure != null) {
      throw run.abort(failure);
    }
    run.end(Phase.RESPONSE);
    String via = run.target().route().isDirect() ? "" : " via " + run.target().route();
    run.fact(Fact.DETAIL, "HTTP " + response.status() + " from " + endpoint.host() + via);
    return response;
  }

  /**
   * The response, with the body the judgement or the caller needs: all of it for an expected body
   * (NCSI) or a request that reads the body (discovery), the error page of an error that did not
   * come over TLS to a public root (a proxy or firewall may have written it), the body an exchange
   * asked for, none otherwise.
   */
  private static HttpResponse read(
      ResponseReader reader, Endpoint endpoint, HttpRequest request, boolean authenticated)
      throws IOException {
    HttpResponse head = reader.head();
    if (endpoint.expect().body() != null || request.readsBody()) {
      return reader.body(head);
    }
    if (!authenticated && head.status() >= 400) {
      return reader.errorPage(head);
    }
    return request.readsBody() ? reader.body(head) : head;
  }

  private String head(Endpoint endpoint, HttpRequest request, boolean absolute) {
    int defaultPort = tls ? 443 : 80;
    String authority =
        endpoint.port() == defaultPort
            ? hostForUri(endpoint.host())
            : ProxyTunnel.authority(endpoint.host(), endpoint.port());
    String path = endpoint.path() == null ? "/" : endpoint.path();
    String target = absolute ? "http://" + authority + path : path;
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(authority).append("\r\n");
    head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
    if (!request.headers().containsKey("Accept")) {
      head.append("Accept: */*\r\n");
    }
    request.headers().forEach((name, value) -> head.append(name + ": " + value + "\r\n"));
    if (request.body().length > 0 || !request.method().equals("GET")) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    return head.toString();
  }

  private static String hostForUri(String host) {
    return HostPort.bracketed(host);
  }

  private static @Nullable String isoDate(String value) {
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toString();
    } catch (DateTimeParseException e) {
      return null; // an unreadable Date says nothing about the clock
    }
  }
}
