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
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ClockJudgeTest {
  private static final ClockJudge JUDGE = new ClockJudge(Duration.ofMinutes(5));
  private static final ProbeTarget NTP =
      new ProbeTarget(
          entry("time", "time.windows.com", Protocol.NTP, 123, Impact.DEGRADED), Route.DIRECT);
  private static final ProbeResult NTP_BLOCKED =
      new ProbeResult(
          NTP,
          ProbeFailure.fail(Cause.NTP_TIMEOUT, Phase.NTP_EXCHANGE, "No NTP reply."),
          Map.of(),
          Map.of());
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static ClockSample sample(long offsetSeconds) {
    return new ClockSample(NOW.plusSeconds(offsetSeconds), NOW);
  }

  private static ProbeResult answered(long offsetMs) {
    return new ProbeResult(
        NTP, null, Map.of(), Map.of(Fact.NTP_OFFSET_MS, Long.toString(offsetMs)));
  }

  private static EndpointResult settle(ProbeResult probed, ClockJudge.Finding finding) {
    return JUDGE.settle(probed, ProbeJudge.judge(probed), finding);
  }

  @Test
  void ntpAnswerGivesTheOffsetWithoutWarnings() {
    ClockJudge.Finding finding = JUDGE.judge(List.of(answered(12)), List.of(sample(100)));
    assertThat(finding.source()).isEqualTo(ClockJudge.Source.NTP);
    assertThat(finding.offsetMs()).isEqualTo(12L);
    assertThat(finding.warnings()).isEmpty();
    assertThat(settle(answered(12), finding).status()).isEqualTo(Status.PASS);
  }

  @Test
  void ntpOffsetBeyondMaxSkewIsClockSkewThatBlocks() {
    ProbeResult far = answered(-420_000);
    EndpointResult result = settle(far, JUDGE.judge(List.of(far), List.of()));
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.cause()).isEqualTo(Cause.CLOCK_SKEW);
    assertThat(result.detail())
        .isEqualTo(
            "This machine's clock is 420.0 s ahead of time server time.windows.com, more than the"
                + " tolerated 5m.");
    assertThat(result.remedy()).contains("beyond 5m of skew").doesNotContain("UDP 123");
    assertThat(Consequences.of(result)).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void blockedNtpWithTrustedDatesWithinTheSkewDegradesWithThatEvidence() {
    List<ClockSample> samples = List.of(sample(2), sample(3), sample(-3600), sample(1));
    ClockJudge.Finding finding = JUDGE.judge(List.of(NTP_BLOCKED), samples);
    assertThat(finding.source()).isEqualTo(ClockJudge.Source.DATE_HEADERS);
    assertThat(finding.offsetMs()).isEqualTo(1500L);
    assertThat(finding.warnings())
        .containsExactly(
            "NTP gave no usable answer, but the Date headers of 4 HTTPS origins whose chains were"
                + " trusted put this machine's clock 1.5 s behind them, within the tolerated 5m:"
                + " the clock is right, so Autopilot continues; devices still need UDP 123 to keep"
                + " their time.");
    EndpointResult ntp = settle(NTP_BLOCKED, finding);
    assertThat(ntp.cause()).isEqualTo(Cause.NTP_TIMEOUT);
    assertThat(Consequences.of(ntp)).isEqualTo(Verdict.DEGRADED);
    assertThat(Judge.verdictOf(List.of(ntp), finding.warnings())).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void blockedNtpWithTrustedDatesBeyondTheSkewIsClockSkew() {
    ClockJudge.Finding finding =
        JUDGE.judge(List.of(NTP_BLOCKED), List.of(sample(-600), sample(-601), sample(-599)));
    assertThat(finding.offsetMs()).isEqualTo(-600_000L);
    assertThat(finding.warnings()).isEmpty();
    EndpointResult ntp = settle(NTP_BLOCKED, finding);
    assertThat(ntp.cause()).isEqualTo(Cause.CLOCK_SKEW);
    assertThat(ntp.detail())
        .startsWith(
            "This machine's clock is 600.0 s ahead of the Date headers of 3 trusted HTTPS origins,"
                + " more than the tolerated 5m; NTP gave no answer to check it against: No NTP"
                + " reply.");
    assertThat(ntp.remedy()).contains("allow outbound UDP 123 to time.windows.com");
    assertThat(Judge.verdictOf(List.of(ntp), finding.warnings())).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void tooFewDatesLeaveTheClockNotVerified() {
    ClockJudge.Finding finding =
        JUDGE.judge(List.of(NTP_BLOCKED), List.of(sample(-900), sample(-900)));
    assertThat(finding.source()).isEqualTo(ClockJudge.Source.NONE);
    assertThat(finding.offsetMs()).isNull();
    assertThat(finding.warnings())
        .containsExactly(
            "Clock not verified: NTP gave no usable answer and only 2 trusted HTTPS origins sent a"
                + " Date header (at least 3 are needed), so whether this machine's clock is within"
                + " 5m is unknown.");
    EndpointResult ntp = settle(NTP_BLOCKED, finding);
    assertThat(ntp.cause()).isEqualTo(Cause.NTP_TIMEOUT);
    assertThat(Judge.verdictOf(List.of(ntp), finding.warnings())).isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void aPlanWithoutTimeServersJudgesNoClock() {
    ClockJudge.Finding finding = JUDGE.judge(List.of(), List.of(sample(-900)));
    assertThat(finding.offsetMs()).isNull();
    assertThat(finding.warnings()).isEmpty();
  }
}
