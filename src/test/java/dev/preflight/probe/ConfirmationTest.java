package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a timed-out attempt and the second attempt that confirms or refutes it read together. */
@Timeout(10)
class ConfirmationTest {
  private final ProbeTarget target =
      new ProbeTarget(TestEndpoints.of("ztd.dds.microsoft.com", Protocol.HTTPS, 443), Route.DIRECT);

  private ProbeResult failed(Cause cause, Phase phase, String message, Duration waited) {
    return new ProbeResult(
        target, ProbeFailure.fail(cause, phase, message), Map.of(phase, waited), Map.of());
  }

  @Test
  void aDropSeenTwiceSaysSoAndGivesTheFirstWaitWhenItDiffers() {
    ProbeResult first =
        failed(Cause.TCP_TIMEOUT, Phase.CONNECT, "no answer in 9.2 s", Duration.ofMillis(9_210));
    ProbeResult second =
        failed(Cause.TCP_TIMEOUT, Phase.CONNECT, "no answer in 10.0 s", Duration.ofMillis(9_990));

    ProbeFailure both = Confirmation.merge(first, second).failure();

    assertThat(both.cause()).isEqualTo(Cause.TCP_TIMEOUT);
    assertThat(both.message())
        .isEqualTo("no answer in 10.0 s, twice (the first attempt waited 9.2 s)");
  }

  @Test
  void equalWaitsReadAsTwice() {
    ProbeResult first =
        failed(
            Cause.TLS_TIMEOUT, Phase.TLS_HANDSHAKE, "no handshake in 5.0 s", Duration.ofSeconds(5));
    ProbeFailure both = Confirmation.merge(first, first).failure();
    assertThat(both.message()).isEqualTo("no handshake in 5.0 s, twice");
  }

  @Test
  void aSecondAttemptWithAnotherCauseReportsItAndTheFirstTimeout() {
    ProbeResult first =
        failed(Cause.TCP_TIMEOUT, Phase.CONNECT, "no answer in 0.3 s", Duration.ofMillis(300));
    ProbeResult second =
        failed(Cause.TCP_REFUSED, Phase.CONNECT, "connection refused (RST)", Duration.ofMillis(1));

    ProbeFailure failure = Confirmation.merge(first, second).failure();

    assertThat(failure.cause()).isEqualTo(Cause.TCP_REFUSED);
    assertThat(failure.message())
        .isEqualTo("connection refused (RST); a first attempt: no answer in 0.3 s");
  }

  @Test
  void aSecondAttemptThatPassesStandsAndKeepsTheFirstFailureInItsDetail() {
    ProbeResult first =
        failed(Cause.HTTP_TIMEOUT, Phase.RESPONSE, "no response in 5.0 s", Duration.ofSeconds(5));
    ProbeResult second =
        new ProbeResult(target, null, Map.of(), Map.of(Fact.DETAIL, "HTTP 404 from ztd"));

    ProbeResult merged = Confirmation.merge(first, second);

    assertThat(merged.passed()).isTrue();
    assertThat(merged.fact(Fact.DETAIL))
        .contains("HTTP 404 from ztd (a first attempt failed: no response in 5.0 s)");
    assertThat(Confirmation.needed(first)).isTrue();
    assertThat(Confirmation.needed(second)).isFalse();
  }
}
