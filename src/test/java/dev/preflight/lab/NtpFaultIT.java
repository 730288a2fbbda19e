package dev.preflight.lab;

import static dev.preflight.lab.Lab.NTP_HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The firewall drops NTP, or the lab's NTP server reports a clock far from this machine's. */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class NtpFaultIT {
  private final Lab lab;
  private final Preflight preflight;

  NtpFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void droppedNtpWithGenuineOriginsAnsweringDegradesWithTheirEvidence() {
    // The HTTPS origins' Date headers show the clock right, so Autopilot continues without NTP.
    lab.fault("ntp-blocked");

    CheckRun run =
        preflight
            .check()
            .assertFails(NTP_HOST, "ntp", "NTP_TIMEOUT")
            .assertOthersPass(NTP_HOST)
            .assertVerdict("DEGRADED", 1);

    assertThat(run.warnings())
        .singleElement()
        .asString()
        .contains("HTTPS origins whose chains were trusted", "so Autopilot continues");
    long offset = run.report().path("environment").path("clockOffsetMs").asLong();
    assertThat(Math.abs(offset)).isLessThan(5_000L);
  }

  @Test
  void clockAnHourOffIsClockSkew() {
    lab.fault("ntp-skew", "3600");

    CheckRun run = preflight.check().assertFails(NTP_HOST, "ntp", "CLOCK_SKEW");

    run.assertOthersPass(NTP_HOST).assertVerdict("BLOCKED", 2);
    long offset = run.report().path("environment").path("clockOffsetMs").asLong();
    assertThat(Math.abs(offset)).isCloseTo(3_600_000L, within(2_000L));
  }

  @Test
  void offsetWithinTheToleratedSkewPasses() {
    lab.fault("ntp-skew", "-60");

    CheckRun run = preflight.check().assertVerdict("READY", 0).assertOthersPass();

    long offset = run.report().path("environment").path("clockOffsetMs").asLong();
    assertThat(Math.abs(offset)).isCloseTo(60_000L, within(2_000L));
  }

  @Test
  void smallerMaxSkewTurnsTheSameOffsetIntoClockSkew() {
    lab.fault("ntp-skew", "-60");

    preflight
        .check("--max-skew", "30s")
        .assertFails(NTP_HOST, "ntp", "CLOCK_SKEW")
        .assertVerdict("BLOCKED", 2);
  }
}
