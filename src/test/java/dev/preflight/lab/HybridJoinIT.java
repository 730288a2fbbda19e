package dev.preflight.lab;

import static dev.preflight.lab.Lab.DC_HOST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hybrid join: the DC locator SRV record is missing, or the domain controller's ports drop. */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class HybridJoinIT {
  private static final String[] HYBRID = {"--scenario", "hybrid-join", "--domain", "corp.example"};
  private static final String UNRESOLVED_DC = "{dc}";

  private final Lab lab;
  private final Preflight preflight;

  HybridJoinIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void missingLocatorRecordIsDcNotFound() {
    lab.fault("dc-missing");

    CheckRun run =
        preflight
            .check(HYBRID)
            .assertFails(Lab.DC_LOCATOR, "dns", "DC_NOT_FOUND")
            .assertOthersPass(Lab.DC_LOCATOR, UNRESOLVED_DC)
            .assertVerdict("BLOCKED", 2);

    // With no controller found, the LDAP and Kerberos entries are reported, unprobed.
    assertThat(run.endpoints(UNRESOLVED_DC, "ldap"))
        .extracting(e -> e.path("status").asText())
        .containsExactly("SKIP");
    assertThat(run.endpoints(UNRESOLVED_DC, "kerberos"))
        .extracting(e -> e.path("status").asText())
        .containsExactly("SKIP");
  }

  @Test
  void droppedLdapAndKerberosIsDcUnreachable() {
    lab.fault("dc-unreachable");

    preflight
        .check(HYBRID)
        .assertFails(DC_HOST, "ldap", "DC_UNREACHABLE")
        .assertFails(DC_HOST, "kerberos", "DC_UNREACHABLE")
        .assertOthersPass(DC_HOST)
        .assertVerdict("BLOCKED", 2);
  }
}
