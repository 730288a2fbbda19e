package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.HOST;
import static dev.preflight.probe.LoopbackFixture.ROOT;
import static dev.preflight.probe.LoopbackFixture.assertFailure;
import static dev.preflight.probe.LoopbackFixture.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.SquidProxy;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The probes against a real Squid on loopback: CONNECT tunnels, ACL denials and 407. */
@Timeout(180)
class SquidProxyIT {
  private static SquidProxy squid;
  private final LoopbackFixture fixture = new LoopbackFixture();

  @BeforeAll
  static void startSquid() throws Exception {
    squid = SquidProxy.start(HOST);
  }

  @AfterAll
  static void stopSquid() {
    squid.close();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private ProbeResult probe(Protocol protocol, String host, int port, int proxyPort) {
    return Probes.forProtocol(protocol)
        .run(
            new ProbeTarget(
                TestEndpoints.of(host, protocol, port), Route.proxy("127.0.0.1", proxyPort)),
            fixture.context(Duration.ofSeconds(5)));
  }

  @Test
  void httpsTunnelsThroughSquidAndReachesTheOrigin() {
    HttpTestServer origin =
        fixture.closeLater(HttpTestServer.tls(ROOT.leaf(HOST), HttpTestServer.answer(404, "")));
    ProbeResult result = probe(Protocol.HTTPS, HOST, origin.port(), squid.openPort());
    assertPassed(result);
    assertThat(result.timings())
        .containsKeys(Phase.PROXY_TUNNEL, Phase.TLS_HANDSHAKE, Phase.RESPONSE);
    assertThat(origin.requests()).hasSize(1);
  }

  @Test
  void squidAclDenialOfConnectIsBlocked() {
    ProbeResult result = probe(Protocol.HTTPS, SquidProxy.BLOCKED_DOMAIN, 443, squid.openPort());
    assertFailure(result, Cause.HTTP_BLOCKED, Phase.PROXY_TUNNEL);
    assertThat(result.failure().message()).contains("403", "ERR_ACCESS_DENIED");
  }

  @Test
  void squidDemandingAuthenticationIsProxyAuthRequired() {
    ProbeResult result = probe(Protocol.HTTPS, HOST, 443, squid.authPort());
    assertFailure(result, Cause.HTTP_PROXY_AUTH_REQUIRED, Phase.PROXY_TUNNEL);
  }

  @Test
  void plainHttpDeniedBySquidIsBlocked() {
    ProbeResult result = probe(Protocol.HTTP, SquidProxy.BLOCKED_DOMAIN, 80, squid.openPort());
    assertFailure(result, Cause.HTTP_BLOCKED, Phase.RESPONSE);
    assertThat(result.failure().message()).contains("X-Squid-Error");
  }

  @Test
  void plainHttpThroughSquidReachesTheOrigin() {
    HttpTestServer origin =
        fixture.closeLater(
            HttpTestServer.plain(HttpTestServer.answer(200, "Microsoft Connect Test")));
    ProbeResult result = probe(Protocol.HTTP, HOST, origin.port(), squid.openPort());
    assertPassed(result);
    assertThat(origin.requests().get(0)).startsWith("GET / HTTP/1.1");
  }

  @Test
  void plainHttpThroughSquidNeedingAuthIsProxyAuthRequired() {
    assertFailure(
        probe(Protocol.HTTP, HOST, 80, squid.authPort()),
        Cause.HTTP_PROXY_AUTH_REQUIRED,
        Phase.RESPONSE);
  }

  @Test
  void sslBumpingSquidIsInterceptionNamedSquid() {
    HttpTestServer origin =
        fixture.closeLater(HttpTestServer.tls(ROOT.leaf(HOST), HttpTestServer.answer(404, "")));
    ProbeResult result = probe(Protocol.HTTPS, HOST, origin.port(), squid.bumpPort());
    assertFailure(result, Cause.TLS_INTERCEPTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).contains("Squid Inspection CA", "Squid TLS inspection");
    assertThat(result.fact(Fact.TLS_ISSUER))
        .hasValueSatisfying(issuer -> assertThat(issuer).contains("Squid Inspection CA"));
  }

  @Test
  void sslBumpingSquidWhoseCaIsGivenWithCaFilePasses() {
    HttpTestServer origin =
        fixture.closeLater(HttpTestServer.tls(ROOT.leaf(HOST), HttpTestServer.answer(404, "")));
    ProbeResult result =
        Probes.forProtocol(Protocol.HTTPS)
            .run(
                new ProbeTarget(
                    TestEndpoints.of(HOST, Protocol.HTTPS, origin.port()),
                    Route.proxy("127.0.0.1", squid.bumpPort())),
                fixture.context(
                    Duration.ofSeconds(5),
                    java.util.List.of(SquidProxy.INSPECTION_CA.certificate())));
    assertPassed(result);
  }
}
