package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.assertFailure;
import static dev.preflight.probe.LoopbackFixture.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.Protocol;
import dev.preflight.testing.ConnectProxyStub;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.TestCertificates;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests whose answer the caller reads, through the probe engine and its route. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpExchangeTest {
  private final LoopbackFixture fixture = new LoopbackFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private HttpExchange.Outcome send(HttpTestServer server, String path, HttpRequest request) {
    return send(Protocol.HTTP, server.port(), path, request, Route.DIRECT, Duration.ofSeconds(2));
  }

  private HttpExchange.Outcome send(
      Protocol protocol,
      int port,
      String path,
      HttpRequest request,
      Route route,
      Duration timeout) {
    ProbeTarget target =
        new ProbeTarget(
            TestEndpoints.withPath(LoopbackFixture.endpoint(protocol, port), path), route);
    return HttpExchange.send(target, request, fixture.context(timeout));
  }

  @Test
  void postSendsItsBodyAndHeadersAndReturnsTheAnswer() {
    HttpTestServer server =
        fixture.closeLater(
            HttpTestServer.plain(
                HttpTestServer.answer(200, "<answer/>", "Content-Type: text/xml")));

    HttpExchange.Outcome outcome =
        send(server, "/svc?q=1", HttpRequest.post("application/soap+xml", "<ask/>", 4096));

    assertPassed(outcome.result());
    assertThat(outcome.response()).isNotNull();
    assertThat(outcome.response().status()).isEqualTo(200);
    assertThat(outcome.response().text()).isEqualTo("<answer/>");
    assertThat(outcome.response().header("content-type")).contains("text/xml");
    assertThat(server.requests().get(0))
        .startsWith("POST /svc?q=1 HTTP/1.1\r\nHost: " + LoopbackFixture.HOST + ":")
        .contains("\r\nContent-Type: application/soap+xml\r\n", "\r\nContent-Length: 6\r\n")
        .doesNotContainIgnoringCase("authorization");
    assertThat(server.bodies()).containsExactly("<ask/>");
  }

  @Test
  void bodyLongerThanTheLimitIsCutAndMarkedTruncated() {
    HttpTestServer server =
        fixture.closeLater(HttpTestServer.plain(HttpTestServer.answer(200, "x".repeat(5000))));

    HttpExchange.Outcome outcome = send(server, "/", HttpRequest.get(1000, Map.of()));

    assertPassed(outcome.result());
    assertThat(outcome.response().body()).hasSize(1000);
    assertThat(outcome.response().truncated()).isTrue();
  }

  @Test
  void silentOriginIsHttpTimeoutWithoutResponse() {
    HttpTestServer server =
        fixture.closeLater(HttpTestServer.plain((head, out) -> Thread.sleep(10_000)));

    HttpExchange.Outcome outcome =
        send(
            Protocol.HTTP,
            server.port(),
            "/",
            HttpRequest.get(1000, Map.of()),
            Route.DIRECT,
            Duration.ofMillis(500));

    assertFailure(outcome.result(), Cause.HTTP_TIMEOUT, Phase.RESPONSE);
    assertThat(outcome.response()).isNull();
  }

  @Test
  void proxyDemandingAuthenticationIsJudgedLikeAProbe() {
    ConnectProxyStub proxy = fixture.closeLater(ConnectProxyStub.connect(407, 0));

    HttpExchange.Outcome outcome =
        send(
            Protocol.HTTPS,
            443,
            "/",
            HttpRequest.get(1000, Map.of()),
            Route.proxy("127.0.0.1", proxy.port()),
            Duration.ofSeconds(2));

    assertFailure(outcome.result(), Cause.HTTP_PROXY_AUTH_REQUIRED, Phase.PROXY_TUNNEL);
    assertThat(outcome.response()).isNull();
  }

  @Test
  void httpsThroughATunnelReadsTheOriginsAnswer() {
    TestCertificates.Identity identity = LoopbackFixture.ROOT.leaf(LoopbackFixture.HOST);
    HttpTestServer origin =
        fixture.closeLater(HttpTestServer.tls(identity, HttpTestServer.answer(200, "{}")));
    ConnectProxyStub proxy = fixture.closeLater(ConnectProxyStub.connect(200, origin.port()));

    HttpExchange.Outcome outcome =
        send(
            Protocol.HTTPS,
            443,
            "/v2.0/.well-known/openid-configuration",
            HttpRequest.get(1000, Map.of("Accept", "application/json")),
            Route.proxy("127.0.0.1", proxy.port()),
            Duration.ofSeconds(5));

    assertPassed(outcome.result());
    assertThat(outcome.response().text()).isEqualTo("{}");
    assertThat(origin.requests().get(0))
        .startsWith("GET /v2.0/.well-known/openid-configuration HTTP/1.1\r\n")
        .contains("\r\nAccept: application/json\r\n");
  }

  @Test
  void callersCannotWriteCredentialsOrFraming() {
    assertThatThrownBy(() -> HttpRequest.get(10, Map.of("Proxy-Authorization", "Basic eA==")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpRequest.get(10, Map.of("Content-Length", "5")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpRequest.get(10, Map.of("X-Evil", "a\r\nHost: b")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
