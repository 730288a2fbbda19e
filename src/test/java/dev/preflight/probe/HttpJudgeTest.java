package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Expectation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class HttpJudgeTest {
  private static HttpResponse response(int status, String header, String value) {
    return new HttpResponse(status, Map.of(header, List.of(value)), new byte[0], false);
  }

  private static ProbeFailure judge(HttpResponse response) {
    return HttpJudge.judge(response, ProxyAnswer.read(response), Expectation.NONE, "t");
  }

  @Test
  void forbiddenWithViaIsBlockedUnlessTheOriginIsAuthenticated() {
    HttpResponse viaCdn = response(403, "Via", "1.1 cdn.example");
    assertThat(judge(viaCdn).cause()).isEqualTo(Cause.HTTP_BLOCKED);
    // Over TLS to a public root the caller reads no proxy answer: only the origin can have written
    // it, and CDNs add Via too.
    assertThat(HttpJudge.judge(viaCdn, null, Expectation.NONE, "t")).isNull();
  }

  @Test
  void proxyProductServerHeaderIsBlocked() {
    ProbeFailure failure = judge(response(403, "Server", "squid/6.10"));
    assertThat(failure.cause()).isEqualTo(Cause.HTTP_BLOCKED);
    assertThat(failure.phase()).isEqualTo(Phase.RESPONSE);
  }

  @Test
  void originServiceUnavailableWithoutAProxySignPasses() {
    // Microsoft services answer 503 on a bare path; through a proxy the answer keeps Via.
    assertThat(judge(response(503, "Via", "1.1 proxy.corp (squid/6.10)"))).isNull();
  }

  @Test
  void gatewayErrorWrittenByTheProxyIsUpstreamFailed() {
    ProbeFailure failure = judge(response(504, "Server", "squid/6.10"));
    assertThat(failure.cause()).isEqualTo(Cause.PROXY_UPSTREAM_FAILED);
    assertThat(failure.message())
        .isEqualTo("the proxy could not reach t: it answered 504 (Server: squid/6.10)");
  }

  @Test
  void successWithProxyHeadersIsNotABlock() {
    assertThat(judge(response(200, "Via", "1.1 proxy"))).isNull();
  }
}
