package dev.preflight.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** With no fault switched on, every endpoint of the shipped catalog passes against the lab. */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class CleanLabIT {
  private final Preflight preflight;

  CleanLabIT(Lab lab) {
    this.preflight = new Preflight(lab);
  }

  @Test
  void cleanLabIsReadyThroughTheSystemResolver() {
    CheckRun run = preflight.check();

    run.assertVerdict("READY", 0).assertOthersPass();
    assertThat(run.endpoints()).hasSizeGreaterThan(50);
    assertThat(run.report().path("environment").path("dnsServers").toString())
        .as("the resolver preflight read from the namespace's resolv.conf")
        .contains(Lab.DNS_SERVER);
    assertThat(run.endpoints(Lab.NTP_HOST, "ntp").get(0).path("addresses").toString())
        .contains(Lab.WEB_ADDRESS);
  }

  @Test
  void cleanLabIsReadyWithAnExplicitDnsServer() {
    preflight.check("--dns-server", Lab.DNS_SERVER).assertVerdict("READY", 0).assertOthersPass();
  }

  @Test
  void cleanLabIsReadyThroughTheOpenProxy() {
    CheckRun run = preflight.check("--proxy", Lab.PROXY).assertVerdict("READY", 0);

    run.assertOthersPass();
    JsonNode ztd = run.endpoints(Lab.BLOCKING_HOST, "https").get(0);
    assertThat(ztd.path("route").asText()).isEqualTo("PROXY 198.19.0.8:3128");
    assertThat(ztd.path("tls").path("root").asText()).contains("preflight lab root CA");
  }

  @Test
  void cleanLabIsReadyForHybridJoin() {
    CheckRun run = preflight.check("--scenario", "hybrid-join", "--domain", "corp.example");

    run.assertVerdict("READY", 0).assertOthersPass();
    assertThat(run.endpoints(Lab.DC_HOST, "ldap")).hasSize(1);
    assertThat(run.endpoints(Lab.DC_HOST, "kerberos")).hasSize(1);
  }
}
