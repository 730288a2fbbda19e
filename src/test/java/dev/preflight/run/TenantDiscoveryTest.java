package dev.preflight.run;

import static dev.preflight.run.TenantServers.MDM;
import static dev.preflight.run.TenantServers.OPENID;
import static dev.preflight.run.TenantServers.REALM;
import static dev.preflight.run.TenantServers.fixture;
import static dev.preflight.run.TenantServers.result;
import static dev.preflight.run.TenantServers.targetHosts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Scenario;
import dev.preflight.probe.Cause;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Status;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Realm discovery, the OpenID configuration and the enrollment aliases against in-process servers:
 * well-formed, malformed, oversized and silent answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenantDiscoveryTest {
  private final TenantServers servers = new TenantServers();

  @AfterEach
  void close() {
    servers.close();
  }

  @Test
  void federatedDomainAddsItsIdentityProviderAsBlockingForUserDrivenMode() {
    servers.wellFormed();

    TenantFindings findings = servers.discover();

    ProbeTarget idp = findings.targets().get(0);
    assertThat(idp.endpoint().host()).isEqualTo("sts.fabrikam.example");
    assertThat(idp.endpoint().path()).isEqualTo("/adfs/services/trust/mex");
    assertThat(idp.endpoint().impact()).isEqualTo(Impact.BLOCKING);
    assertThat(idp.endpoint().scenarios()).contains(Scenario.USER_DRIVEN);
    assertThat(findings.provenance().get(idp.endpoint().id()))
        .contains("sts.fabrikam.example was found by realm discovery for fabrikam.example");
    assertThat(findings.summary().namespaceType()).isEqualTo("Federated");
    assertThat(findings.summary().cloudInstance()).isEqualTo("microsoftonline.com");
    assertThat(findings.summary().region()).isEqualTo("EU");
    assertThat(findings.summary().tenantId()).isEqualTo("8f9b2b41-1c0d-4f3a-9a1b-7d2e5c6f8a90");
    assertThat(result(findings, "tenant-realm-discovery").status()).isEqualTo(Status.PASS);
    assertThat(servers.server.requests())
        .anyMatch(
            r -> r.startsWith("GET /common/userrealm/user%40fabrikam.example?api-version=1.0 "));
    assertThat(findings.warnings()).isEmpty();
  }

  @Test
  void managedDomainAddsNoIdentityProvider() {
    servers
        .serve(REALM, 200, fixture("realm-managed.json"))
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));

    TenantFindings findings = servers.discover();

    assertThat(targetHosts(findings)).doesNotContain("sts.fabrikam.example");
    assertThat(findings.summary().namespaceType()).isEqualTo("Managed");
  }

  @Test
  void identityProviderIsNotAddedForSelfDeployingMode() {
    servers.wellFormed();

    TenantFindings findings = servers.discover(List.of(Scenario.SELF_DEPLOYING));

    assertThat(targetHosts(findings)).doesNotContain("sts.fabrikam.example");
    assertThat(findings.summary().discoveredHosts())
        .anyMatch(h -> h.host().equals("sts.fabrikam.example"));
  }

  @Test
  void malformedRealmAnswerSkipsTheIdentityProviderWithAWarning() {
    servers
        .serve(REALM, 200, "<html>sign in to the guest network</html>")
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));

    TenantFindings findings = servers.discover();

    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(result(findings, "tenant-identity-provider").endpoint().host())
        .isEqualTo("{identity-provider}");
    assertThat(findings.warnings())
        .anyMatch(w -> w.contains("realm discovery") && w.contains("not JSON"));
    assertThat(targetHosts(findings)).doesNotContain("sts.fabrikam.example");
  }

  @Test
  void oversizedRealmAnswerSkipsTheIdentityProviderWithAWarning() {
    servers
        .serve(REALM, 200, "{\"pad\":\"" + "x".repeat(100_000) + "\"}")
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));

    TenantFindings findings = servers.discover();

    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("more than"));
  }

  @Test
  void federatedAnswerWithoutAnHttpsProviderIsMalformed() {
    servers
        .serve(REALM, 200, fixture("realm-federated.json").replace("https://sts", "http://sts"))
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));

    TenantFindings findings = servers.discover();

    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("not an https URL"));
  }

  @Test
  void silentRealmDiscoveryIsATimeoutAndSkipsTheIdentityProvider() {
    servers.serve(REALM, (head, out) -> Thread.sleep(20_000));
    servers
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));

    TenantFindings findings = servers.discover();

    EndpointResult realm = result(findings, "tenant-realm-discovery");
    assertThat(realm.status()).isEqualTo(Status.FAIL);
    assertThat(realm.cause()).isEqualTo(Cause.HTTP_TIMEOUT);
    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("HTTP_TIMEOUT"));
    assertThat(targetHosts(findings)).contains("fef.msuc05.manage.microsoft.com");
  }

  @Test
  void usGovernmentTenantIsWarnedAboutWithTheHostsThatDiffer() {
    servers
        .serve(REALM, 200, fixture("realm-managed.json"))
        .serve(OPENID, 200, fixture("openid-us-government.json"))
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));

    TenantFindings findings = servers.discover();

    assertThat(findings.summary().cloudInstance()).isEqualTo("microsoftonline.us");
    assertThat(findings.summary().region()).isEqualTo("USGov/DODCON");
    assertThat(findings.warnings())
        .anyMatch(
            w ->
                w.contains("US Government cloud")
                    && w.contains("login.microsoftonline.us")
                    && w.contains("*.manage.microsoft.us"));
  }

  @Test
  void malformedOrUnknownOpenIdConfigurationIsAWarning() {
    servers
        .serve(REALM, 200, fixture("realm-managed.json"))
        .serve(OPENID, 200, "[1,2]")
        .serve(MDM, 200, fixture("mdm-discover-response.xml"));
    assertThat(servers.discover().warnings()).anyMatch(w -> w.contains("OpenID configuration"));

    servers.serve(OPENID, 400, "{\"error\":\"invalid_tenant\"}");
    assertThat(servers.discover().warnings()).anyMatch(w -> w.contains("does not know a tenant"));
  }

  @Test
  void enrollmentAliasToIntunePassesAndRegistrationAliasElsewhereWarns() {
    servers.wellFormed();

    TenantFindings findings = servers.discover();

    assertThat(result(findings, "tenant-enrollment-cname").status()).isEqualTo(Status.PASS);
    EndpointResult registration = result(findings, "tenant-registration-cname");
    assertThat(registration.status()).isEqualTo(Status.WARN);
    assertThat(registration.cause()).isEqualTo(Cause.DNS_CNAME_MISMATCH);
    assertThat(registration.detail())
        .contains("mdm.fabrikam.example", "enterpriseregistration.windows.net");
  }

  @Test
  void absentAliasIsANoteNotAFailure() {
    servers.wellFormed();
    servers.dns.mode("enterpriseenrollment." + TenantServers.DOMAIN, DnsTestServer.Mode.NXDOMAIN);

    EndpointResult alias = result(servers.discover(), "tenant-enrollment-cname");

    assertThat(alias.status()).isEqualTo(Status.PASS);
    assertThat(alias.detail()).contains("has no CNAME record", "fine for Entra join");
  }
}
