package dev.preflight.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code check --tenant} against the lab's discovery server (lab/bin/tenant_server.py): a managed,
 * a federated and a US-Government tenant; and hybrid join finding its domain in the client's DNS
 * search suffix.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(300)
class TenantIT {
  private static final String IDENTITY_PROVIDER = "sts.fabrikam.example";
  private static final String ENROLLMENT_SERVICE = "fef.msua01.manage.microsoft.com";

  private final Lab lab;
  private final Preflight preflight;

  TenantIT(Lab lab) {
    this.lab = lab;
    this.preflight = new Preflight(lab);
  }

  @Test
  void managedTenantIsReadyAndItsEnrollmentServiceIsProbed() {
    CheckRun run = preflight.check("--tenant", "contoso.example").assertVerdict("READY", 0);

    run.assertOthersPass();
    JsonNode tenant = run.report().path("environment").path("tenant");
    assertThat(tenant.path("name").asText()).isEqualTo("contoso.example");
    assertThat(tenant.path("namespaceType").asText()).isEqualTo("Managed");
    assertThat(tenant.path("cloudInstance").asText()).isEqualTo("microsoftonline.com");
    assertThat(tenant.path("discoveredHosts").toString()).contains(ENROLLMENT_SERVICE);
    assertThat(run.endpoints(ENROLLMENT_SERVICE, "https")).hasSize(2);
    assertThat(
            run.endpoints("enterpriseenrollment.contoso.example", "dns")
                .get(0)
                .path("detail")
                .asText())
        .contains("enterpriseenrollment-s.manage.microsoft.com");
  }

  @Test
  void federatedTenantWhoseIdentityProviderIsDroppedIsBlockedNamingIt() {
    lab.fault("tcp-drop", IDENTITY_PROVIDER);

    CheckRun run =
        preflight
            .check("--tenant", "fabrikam.example")
            .assertFails(IDENTITY_PROVIDER, "https", "TCP_TIMEOUT")
            .assertOthersPass(IDENTITY_PROVIDER)
            .assertVerdict("BLOCKED", 2);

    JsonNode idp = run.endpoints(IDENTITY_PROVIDER, "https").get(0);
    assertThat(idp.path("detail").asText())
        .contains("found by realm discovery for fabrikam.example");
    assertThat(run.report().path("environment").path("tenant").path("namespaceType").asText())
        .isEqualTo("Federated");
  }

  @Test
  void usGovernmentTenantIsDegradedWithTheHostsThatDifferNamed() {
    CheckRun run =
        preflight.check("--tenant", "admin@tailspin.example").assertVerdict("DEGRADED", 1);

    assertThat(run.report().path("warnings").toString())
        .contains("US Government cloud", "login.microsoftonline.us", "*.manage.microsoft.us");
    JsonNode alias = run.endpoints("enterpriseenrollment.tailspin.example", "dns").get(0);
    assertThat(alias.path("status").asText()).isEqualTo("WARN");
    assertThat(alias.path("cause").asText()).isEqualTo("DNS_CNAME_MISMATCH");
    assertThat(alias.path("detail").asText()).contains("mdm.tailspin.example");
    assertThat(run.report().path("environment").path("tenant").path("cloudInstance").asText())
        .isEqualTo("microsoftonline.us");
  }

  @Test
  void hybridJoinWithoutDomainUsesTheDnsSearchSuffixAndSaysSo() {
    CheckRun run = preflight.check("--scenario", "hybrid-join").assertVerdict("READY", 0);

    run.assertOthersPass();
    JsonNode domain = run.report().path("environment").path("domain");
    assertThat(domain.path("name").asText()).isEqualTo("corp.example");
    assertThat(domain.path("source").asText()).contains("/etc/resolv.conf");
    assertThat(run.endpoints(Lab.DC_HOST, "ldap")).hasSize(1);
  }
}
