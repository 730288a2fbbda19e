package dev.preflight.lab;

import static dev.preflight.lab.Lab.BLOCKING_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** One host presents a bad certificate, or accepts the connection and never answers. */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class TlsFaultIT {
  private final Lab lab;
  private final Preflight preflight;

  TlsFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void selfSignedCertificateIsTlsUntrusted() {
    lab.fault("tls-untrusted", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "TLS_UNTRUSTED")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void expiredCertificateIsTlsExpired() {
    lab.fault("tls-expired", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "TLS_EXPIRED")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void certificateForAnotherNameIsTlsHostnameMismatch() {
    lab.fault("tls-wrong-name", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "TLS_HOSTNAME_MISMATCH")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void transparentInspectionIsTlsIntercepted() {
    lab.fault("tls-intercepted", BLOCKING_HOST);

    CheckRun run =
        preflight
            .check()
            .assertFails(BLOCKING_HOST, "https", "TLS_INTERCEPTED")
            .assertOthersPass(BLOCKING_HOST)
            .assertVerdict("BLOCKED", 2);

    assertThat(run.endpoints(BLOCKING_HOST, "https").get(0).path("tls").path("issuer").asText())
        .contains("Contoso TLS Inspection CA");
  }

  @Test
  void silentServerAfterAcceptIsTlsTimeout() {
    lab.fault("tls-hang", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "TLS_TIMEOUT")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }
}
