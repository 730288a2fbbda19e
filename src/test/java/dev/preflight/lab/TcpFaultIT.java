package dev.preflight.lab;

import static dev.preflight.lab.Lab.BLOCKING_HOST;
import static dev.preflight.lab.Lab.DEGRADED_HOST;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The router's nftables firewall rejects or silently drops connections to one host. */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class TcpFaultIT {
  private final Lab lab;
  private final Preflight preflight;

  TcpFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void rejectedConnectionIsTcpRefused() {
    lab.fault("tcp-reset", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "TCP_REFUSED")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void droppedSynIsTcpTimeout() {
    lab.fault("tcp-drop", BLOCKING_HOST);

    preflight
        .check()
        .assertFails(BLOCKING_HOST, "https", "TCP_TIMEOUT")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void firewallRejectingPort80RefusesEveryHttpEndpoint() {
    lab.fault("port-reset", "80");

    preflight
        .check()
        .assertFails(Lab.NCSI_HOST, "http", "TCP_REFUSED")
        .assertFails("crl.microsoft.com", "http", "TCP_REFUSED")
        .assertProtocolPasses("https")
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void firewallDroppingPort80TimesOutEveryHttpEndpoint() {
    lab.fault("port-drop", "80");

    preflight
        .check()
        .assertFails(Lab.NCSI_HOST, "http", "TCP_TIMEOUT")
        .assertFails("crl.microsoft.com", "http", "TCP_TIMEOUT")
        .assertProtocolPasses("https")
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void droppedOptionalServiceDegradesOnly() {
    lab.fault("tcp-drop", DEGRADED_HOST);

    preflight
        .check()
        .assertFails(DEGRADED_HOST, "https", "TCP_TIMEOUT")
        .assertOthersPass(DEGRADED_HOST)
        .assertVerdict("DEGRADED", 1);
  }
}
