package dev.preflight.verdict;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Fact;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClockJudgeTest {
  private static final ClockJudge JUDGE = new ClockJudge(Duration.ofMinutes(5));
  private static final ProbeTarget NTP =
      new ProbeTarget(
          entry("time", "time.windows.com", Protocol.NTP, 123, Impact.BLOCKING), Route.DIRECT);
  private static final ProbeResult NTP_BLOCKED =
      new ProbeResult(
          NTP,
          ProbeFailure.fail(Cause.NTP_TIMEOUT, Phase.NTP_EXCHANGE, "No reply."),
          Map.of(),
          Map.of());
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static ClockSample sample(long offsetSeconds) {
    return new ClockSample(NOW.plusSeconds(offsetSeconds), NOW);
  }

  @Test
  void ntpAnswerGivesTheOffsetWithoutWarnings() {
    ProbeResult answered = new ProbeResult(NTP, null, Map.of(), Map.of(Fact.NTP_OFFSET_MS, "12"));
    ClockJudge.Finding finding = JUDGE.judge(List.of(answered), List.of(sample(100)));
    assertThat(finding.offsetMs()).isEqualTo(12L);
    assertThat(finding.warnings()).isEmpty();
  }

  @Test
  void blockedNtpFallsBackToTheMedianHttpDateAndSaysItIsCoarse() {
    ClockJudge.Finding finding =
        JUDGE.judge(List.of(NTP_BLOCKED), List.of(sample(2), sample(3), sample(-3600)));
    assertThat(finding.offsetMs()).isEqualTo(2000L);
    assertThat(finding.warnings())
        .containsExactly(
            "NTP did not answer, so the clock offset (2.0 s behind the servers) is a coarse"
                + " estimate from the Date headers of 3 HTTPS responses, accurate to a few seconds"
                + " at best.");
  }

  @Test
  void estimatedSkewBeyondTheLimitRaisesClockSkew() {
    ClockJudge.Finding finding = JUDGE.judge(List.of(NTP_BLOCKED), List.of(sample(-600)));
    assertThat(finding.offsetMs()).isEqualTo(-600_000L);
    assertThat(finding.warnings()).hasSize(2);
    assertThat(finding.warnings().get(1))
        .startsWith("CLOCK_SKEW: by that estimate this machine's clock is 600.0 s ahead of");
  }

  @Test
  void noSamplesMeansUnknown() {
    ClockJudge.Finding finding = JUDGE.judge(List.of(NTP_BLOCKED), List.of());
    assertThat(finding.offsetMs()).isNull();
    assertThat(finding.warnings()).isEmpty();
  }
}
