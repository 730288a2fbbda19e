package dev.preflight.lab;

import static dev.preflight.lab.Lab.BLOCKING_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** preflight goes through the lab's squid, which demands authentication, inspects or denies. */
@Tag("lab")
@ExtendWith(LabExtension.class)
class ProxyFaultIT {
  private final Lab lab;
  private final Preflight preflight;

  ProxyFaultIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void proxyDemandingCredentialsIsProxyAuthRequired() {
    lab.fault("proxy-auth");

    preflight
        .check("--proxy", Lab.PROXY)
        .assertFails(BLOCKING_HOST, "https", "HTTP_PROXY_AUTH_REQUIRED")
        .assertFails(Lab.NCSI_HOST, "http", "HTTP_PROXY_AUTH_REQUIRED")
        .assertVerdict("BLOCKED", 2);
  }

  @Test
  void sslBumpIsTlsIntercepted() {
    lab.fault("proxy-bump");

    CheckRun run =
        preflight
            .check("--proxy", Lab.PROXY)
            .assertFails(BLOCKING_HOST, "https", "TLS_INTERCEPTED")
            .assertVerdict("BLOCKED", 2);

    assertThat(run.endpoints(BLOCKING_HOST, "https").get(0).path("tls").path("issuer").asText())
        .contains("Contoso TLS Inspection CA");
  }

  @Test
  void deniedHostIsHttpBlocked() {
    lab.fault("proxy-deny", BLOCKING_HOST);

    preflight
        .check("--proxy", Lab.PROXY)
        .assertFails(BLOCKING_HOST, "https", "HTTP_BLOCKED")
        .assertOthersPass(BLOCKING_HOST)
        .assertVerdict("BLOCKED", 2);
  }
}
