package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.HOST;
import static dev.preflight.probe.LoopbackFixture.ROOT;
import static dev.preflight.probe.LoopbackFixture.assertFailure;
import static dev.preflight.probe.LoopbackFixture.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.Protocol;
import dev.preflight.testing.ConnectProxyStub;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProxyProbeTest {
  private final LoopbackFixture fixture = new LoopbackFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private ProbeResult probe(Protocol protocol, Route route) {
    return Probes.forProtocol(protocol)
        .run(
            new ProbeTarget(LoopbackFixture.endpoint(protocol, 443), route),
            fixture.context(Duration.ofSeconds(2)));
  }

  @Test
  void httpsThroughAnOpenProxyTunnelsAndPasses() {
    HttpTestServer origin =
        fixture.closeLater(HttpTestServer.tls(ROOT.leaf(HOST), HttpTestServer.answer(403, "")));
    ConnectProxyStub proxy = fixture.closeLater(ConnectProxyStub.connect(200, origin.port()));
    ProbeResult result = probe(Protocol.HTTPS, Route.proxy("127.0.0.1", proxy.port()));
    assertPassed(result);
    assertThat(result.timings())
        .containsKeys(Phase.CONNECT, Phase.PROXY_TUNNEL, Phase.TLS_HANDSHAKE, Phase.RESPONSE)
        .doesNotContainKey(Phase.RESOLVE);
    assertThat(proxy.requests()).hasSize(1);
    assertThat(proxy.requests().get(0))
        .startsWith("CONNECT " + HOST + ":443 HTTP/1.1\r\n")
        .doesNotContainIgnoringCase("Proxy-Authorization");
    assertThat(origin.requests().get(0)).startsWith("GET / HTTP/1.1\r\nHost: " + HOST + "\r\n");
  }

  @Test
  void connectAnsweredWith407IsProxyAuthRequired() {
    ConnectProxyStub proxy = fixture.closeLater(ConnectProxyStub.connect(407, 0));
    ProbeResult result = probe(Protocol.HTTPS, Route.proxy("127.0.0.1", proxy.port()));
    assertFailure(result, Cause.HTTP_PROXY_AUTH_REQUIRED, Phase.PROXY_TUNNEL);
    assertThat(proxy.requests().get(0)).doesNotContainIgnoringCase("Proxy-Authorization");
  }

  @Test
  void connectAnsweredWith403IsBlocked() {
    ConnectProxyStub proxy = fixture.closeLater(ConnectProxyStub.connect(403, 0));
    ProbeResult result = probe(Protocol.HTTPS, Route.proxy("127.0.0.1", proxy.port()));
    assertFailure(result, Cause.HTTP_BLOCKED, Phase.PROXY_TUNNEL);
    assertThat(result.failure().message()).contains("403", "ERR_ACCESS_DENIED");
  }

  @Test
  void closedProxyPortIsProxyUnreachable() throws IOException {
    int port = TcpProbeTest.closedPort();
    assertFailure(
        probe(Protocol.HTTPS, Route.proxy("127.0.0.1", port)),
        Cause.PROXY_UNREACHABLE,
        Phase.CONNECT);
  }

  @Test
  void unresolvableProxyNameIsProxyUnreachable() {
    assertFailure(
        probe(Protocol.HTTP, Route.proxy("proxy.missing.test", 3128)),
        Cause.PROXY_UNREACHABLE,
        Phase.RESOLVE);
  }

  @Test
  void plainHttpGoesToTheProxyInAbsoluteForm() {
    ConnectProxyStub proxy =
        fixture.closeLater(
            ConnectProxyStub.plain(
                HttpTestServer.response(403, "denied", "X-Squid-Error: ERR_ACCESS_DENIED 0")));
    ProbeResult result =
        Probes.forProtocol(Protocol.HTTP)
            .run(
                new ProbeTarget(
                    LoopbackFixture.endpoint(Protocol.HTTP, 80),
                    Route.proxy("127.0.0.1", proxy.port())),
                fixture.context(Duration.ofSeconds(2)));
    assertFailure(result, Cause.HTTP_BLOCKED, Phase.RESPONSE);
    assertThat(proxy.requests().get(0))
        .startsWith("GET http://" + HOST + "/ HTTP/1.1\r\n")
        .doesNotContainIgnoringCase("Proxy-Authorization");
  }

  @Test
  void proxyThatNeverAnswersConnectIsHttpTimeoutInTheTunnel() {
    LoopbackServer silent =
        fixture.closeLater(LoopbackServer.start(socket -> Thread.sleep(10_000)));
    ProbeResult result =
        Probes.forProtocol(Protocol.HTTPS)
            .run(
                new ProbeTarget(
                    LoopbackFixture.endpoint(Protocol.HTTPS, 443),
                    Route.proxy("127.0.0.1", silent.port())),
                fixture.context(Duration.ofMillis(600)));
    assertFailure(result, Cause.HTTP_TIMEOUT, Phase.PROXY_TUNNEL);
    assertThat(result.total()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void socksRoutesAreRefusedAsAProgrammingError() {
    Route socks = new Route(Route.Kind.SOCKS, "127.0.0.1", 1080);
    assertThatThrownBy(() -> probe(Protocol.HTTPS, socks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SOCKS");
  }
}
