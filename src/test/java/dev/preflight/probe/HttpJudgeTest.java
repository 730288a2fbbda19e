package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Expectation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpJudgeTest {
  private static HttpResponse forbidden(String header, String value) {
    return new HttpResponse(403, Map.of(header, List.of(value)), new byte[0], false);
  }

  @Test
  void forbiddenWithViaIsBlockedUnlessTheOriginIsAuthenticated() {
    HttpResponse viaCdn = forbidden("Via", "1.1 cdn.example");
    assertThat(HttpJudge.judge(viaCdn, Expectation.NONE, "t", false).cause())
        .isEqualTo(Cause.HTTP_BLOCKED);
    assertThat(HttpJudge.judge(viaCdn, Expectation.NONE, "t", true)).isNull();
  }

  @Test
  void proxyProductServerHeaderIsBlocked() {
    ProbeFailure failure =
        HttpJudge.judge(forbidden("Server", "squid/6.10"), Expectation.NONE, "t", false);
    assertThat(failure.cause()).isEqualTo(Cause.HTTP_BLOCKED);
    assertThat(failure.phase()).isEqualTo(Phase.RESPONSE);
  }

  @Test
  void successWithProxyHeadersIsNotABlock() {
    HttpResponse ok =
        new HttpResponse(200, Map.of("Via", List.of("1.1 proxy")), new byte[0], false);
    assertThat(HttpJudge.judge(ok, Expectation.NONE, "t", false)).isNull();
  }
}
