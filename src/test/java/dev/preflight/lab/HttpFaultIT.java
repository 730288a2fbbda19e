package dev.preflight.lab;

import static dev.preflight.lab.Lab.BLOCKING_HOST;
import static dev.preflight.lab.Lab.NCSI_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A captive portal answers the connectivity probe, or a slow path adds latency. The latency comes
 * from a userspace relay that delays every chunk both ways, because this kernel has no netem.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class HttpFaultIT {
  private final Lab lab;
  private final Preflight preflight;

  HttpFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void redirectedConnectivityProbeIsCaptivePortal() {
    lab.fault("captive-portal", NCSI_HOST);

    preflight
        .check()
        .assertFails(NCSI_HOST, "http", "HTTP_CAPTIVE_PORTAL")
        .assertOthersPass(NCSI_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void loginPageInsteadOfTheProbeBodyIsCaptivePortal() {
    lab.fault("captive-page", NCSI_HOST);

    preflight
        .check()
        .assertFails(NCSI_HOST, "http", "HTTP_CAPTIVE_PORTAL")
        .assertOthersPass(NCSI_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void latencyWithinTheDeadlinePassesAndShowsInTheTimings() {
    lab.fault("latency", BLOCKING_HOST, "250");

    CheckRun run = preflight.check().assertVerdict("READY", 0).assertOthersPass();

    // At least two round trips (TLS handshake, then the request), each 2 x 250 ms.
    JsonNode timings = run.endpoints(BLOCKING_HOST, "https").get(0).path("timings");
    assertThat(timings.path("tlsMs").asLong())
        .as("tlsMs in %s", timings)
        .isGreaterThanOrEqualTo(500);
    assertThat(timings.path("totalMs").asLong())
        .as("totalMs in %s", timings)
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void latencyBeyondTheDeadlineIsTlsTimeout() {
    // One round trip (2 x 6 s) is longer than the probe timeout.
    lab.fault("latency", BLOCKING_HOST, "6000");

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "TLS_TIMEOUT")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }
}
