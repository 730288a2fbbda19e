package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Phase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the live progress line says, and that it always fits the terminal. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProgressLineTest {
  private static ProgressLine.Pending pending(String host, Phase phase, long millis) {
    return new ProgressLine.Pending(host, phase, Duration.ofMillis(millis));
  }

  private static final ProgressLine.Snapshot FOUR_PENDING =
      new ProgressLine.Snapshot(
          85,
          89,
          List.of(
              pending("fast.example.com", Phase.CONNECT, 300),
              pending("ztd.dds.microsoft.com", Phase.TLS_HANDSHAKE, 4200),
              pending("login.live.com", Phase.RESOLVE, 4100),
              pending("time.windows.com", Phase.NTP_EXCHANGE, 3900)),
          Duration.ofMillis(800));

  @Test
  void namesTheSlowestPendingProbesWithTheirStepAndTheTimeLeft() {
    assertThat(ProgressLine.render(FOUR_PENDING, 200))
        .isEqualTo(
            "preflight: 85/89 done, 0.8 s left; waiting for ztd.dds.microsoft.com (TLS 4.2 s),"
                + " login.live.com (resolving 4.1 s), time.windows.com (NTP 3.9 s) +1 more");
  }

  @Test
  void aNarrowerTerminalGetsFewerNames() {
    assertThat(ProgressLine.render(FOUR_PENDING, 100))
        .isEqualTo(
            "preflight: 85/89 done, 0.8 s left; waiting for ztd.dds.microsoft.com (TLS 4.2 s) +3"
                + " more");
  }

  @Test
  void aVeryNarrowTerminalGetsTheSlowestNameShortenedNeverAWrappedLine() {
    String line = ProgressLine.render(FOUR_PENDING, 79);

    assertThat(line)
        .hasSize(79)
        .isEqualTo(
            "preflight: 85/89 done, 0.8 s left; waiting for ztd.dds.m... (TLS 4.2 s) +3 more");
    assertThat(ProgressLine.render(FOUR_PENDING, 30)).hasSizeLessThanOrEqualTo(30);
  }

  @Test
  void beforeAnyProbeStartsThereIsNothingToWaitFor() {
    assertThat(ProgressLine.render(new ProgressLine.Snapshot(0, 89, List.of(), null), 80))
        .isEqualTo("preflight: 0/89 done");
  }

  @Test
  void aProbeThatHasNotReachedAStepIsStarting() {
    ProgressLine.Snapshot snapshot =
        new ProgressLine.Snapshot(
            0,
            1,
            List.of(new ProgressLine.Pending("a.example.com", null, Duration.ZERO)),
            Duration.ofSeconds(5));

    assertThat(ProgressLine.render(snapshot, 80))
        .isEqualTo("preflight: 0/1 done, 5.0 s left; waiting for a.example.com (starting 0.0 s)");
  }
}
