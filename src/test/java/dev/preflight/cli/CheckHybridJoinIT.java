package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.testing.LoopbackServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight check --scenario hybrid-join} end to end: the DC locator SRV lookup and
 * LDAP/Kerberos probes.
 */
@Timeout(180)
class CheckHybridJoinIT {
  @TempDir Path dir;
  private LoopbackLab lab;

  @BeforeEach
  void start() {
    lab = new LoopbackLab(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private LoopbackLab.Run check(String... args) throws IOException {
    return lab.check(args);
  }

  @Test
  void hybridJoinFindsTheControllerAndProbesLdapAndKerberos() throws IOException {
    LoopbackServer ldap = lab.add(LoopbackServer.start(socket -> socket.close()));
    lab.dns.srv("_ldap._tcp.dc._msdcs.corp.example", "127.0.0.1:389");
    lab.override("dc-ldap", "hybrid-join", "{dc}", "ldap", ldap.port())
        .override("dc-kerberos", "hybrid-join", "{dc}", "kerberos", LoopbackLab.closedPort());

    LoopbackLab.Run run =
        check(
            "--format",
            "json",
            "--timeout",
            "2s",
            "--scenario",
            "hybrid-join",
            "--domain",
            "corp.example");

    JsonNode report = run.json();
    JsonNode locator = LoopbackLab.endpoint(report, "dc-locator");
    assertThat(locator.get("status").asText()).as(locator.toString()).isEqualTo("PASS");
    assertThat(locator.get("host").asText()).isEqualTo("_ldap._tcp.dc._msdcs.corp.example");
    JsonNode ldapResult = LoopbackLab.endpoint(report, "dc-ldap");
    assertThat(ldapResult.get("host").asText()).isEqualTo("127.0.0.1");
    assertThat(ldapResult.get("status").asText()).isEqualTo("PASS");
    JsonNode kerberos = LoopbackLab.endpoint(report, "dc-kerberos");
    assertThat(kerberos.get("cause").asText()).isEqualTo("DC_UNREACHABLE");
    assertThat(kerberos.get("remedy").asText()).contains("127.0.0.1");
  }

  @Test
  void hybridJoinWithoutAnSrvRecordIsDcNotFound() throws IOException {
    LoopbackLab.Run run =
        check(
            "--format",
            "json",
            "--timeout",
            "2s",
            "--scenario",
            "hybrid-join",
            "--domain",
            "corp.example");
    JsonNode report = run.json();
    assertThat(LoopbackLab.endpoint(report, "dc-locator").get("cause").asText())
        .isEqualTo("DC_NOT_FOUND");
    JsonNode ldap = LoopbackLab.endpoint(report, "dc-ldap");
    assertThat(ldap.get("status").asText()).isEqualTo("SKIP");
    assertThat(ldap.get("detail").asText())
        .contains("no domain controller was found for corp.example");
  }

  @Test
  void hybridJoinWithoutDomainSkipsAndWarns() throws IOException {
    LoopbackLab.Run run = check("--format", "json", "--timeout", "2s", "--scenario", "hybrid-join");
    JsonNode report = run.json();
    assertThat(LoopbackLab.endpoint(report, "dc-locator").get("status").asText()).isEqualTo("SKIP");
    assertThat(LoopbackLab.endpoint(report, "dc-locator").get("detail").asText())
        .contains("--domain");
    assertThat(report.get("warnings").toString()).contains("no --domain was given");
  }
}
