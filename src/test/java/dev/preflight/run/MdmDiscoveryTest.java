package dev.preflight.run;

import static dev.preflight.run.TenantServers.MDM;
import static dev.preflight.run.TenantServers.OPENID;
import static dev.preflight.run.TenantServers.REALM;
import static dev.preflight.run.TenantServers.fixture;
import static dev.preflight.run.TenantServers.result;
import static dev.preflight.run.TenantServers.targetHosts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.probe.Cause;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.verdict.Status;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * MDM discovery (the MS-MDE2 Discover request) against an in-process server: well-formed, faulted,
 * hostile, oversized and silent answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MdmDiscoveryTest {
  private final TenantServers servers = new TenantServers();

  @AfterEach
  void close() {
    servers.close();
  }

  @Test
  void mdmDiscoveryAddsTheTenantsEnrollmentAndPolicyServices() {
    servers.wellFormed();

    TenantFindings findings = servers.discover();

    assertThat(targetHosts(findings))
        .containsOnlyOnce("sts.fabrikam.example")
        .contains("fef.msuc05.manage.microsoft.com");
    List<Endpoint> services =
        findings.targets().stream()
            .map(ProbeTarget::endpoint)
            .filter(e -> e.host().startsWith("fef."))
            .toList();
    assertThat(services)
        .extracting(Endpoint::path)
        .containsExactly(
            "/StatelessEnrollmentService/DeviceEnrollment.svc",
            "/StatelessEnrollmentService/DeviceEnrollmentPolicy.svc");
    assertThat(services).allMatch(e -> e.impact() == Impact.BLOCKING);
    List<String> requests = servers.server.requests();
    int post = 0;
    while (!requests.get(post).startsWith("POST " + MDM)) {
      post++;
    }
    assertThat(requests.get(post)).contains("Content-Type: application/soap+xml");
    assertThat(servers.server.bodies().get(post))
        .contains(
            "<EmailAddress>user@fabrikam.example</EmailAddress>",
            "IDiscoveryService/Discover</a:Action>");
  }

  @Test
  void mdmDiscoveryFaultSkipsTheEnrollmentServiceWithItsReason() {
    String fault =
        """
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault>
        <s:Code><s:Value>s:Receiver</s:Value></s:Code>
        <s:Reason><s:Text xml:lang="en-US">The user is not licensed</s:Text></s:Reason>
        </s:Fault></s:Body></s:Envelope>""";
    servers
        .serve(REALM, 200, fixture("realm-managed.json"))
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 500, fault);

    TenantFindings findings = servers.discover();

    assertThat(result(findings, "tenant-enrollment-service").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings())
        .anyMatch(w -> w.contains("MDM discovery") && w.contains("The user is not licensed"));
  }

  @Test
  void mdmAnswerWithAnEntityDeclarationIsRefusedUnread() {
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
            + "<x>&b;</x>";
    servers
        .serve(REALM, 200, fixture("realm-managed.json"))
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, hostile);

    TenantFindings findings = servers.discover();

    assertThat(result(findings, "tenant-enrollment-service").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("not XML"));
  }

  @Test
  void oversizedOrSilentMdmDiscoverySkipsTheEnrollmentService() {
    servers
        .serve(REALM, 200, fixture("realm-managed.json"))
        .serve(OPENID, 200, fixture("openid-worldwide.json"))
        .serve(MDM, 200, "<x>" + "y".repeat(70_000) + "</x>");
    assertThat(servers.discover().warnings()).anyMatch(w -> w.contains("more than it ever needs"));

    servers.serve(MDM, (head, out) -> Thread.sleep(20_000));
    TenantFindings silent = servers.discover();
    assertThat(result(silent, "tenant-mdm-discovery").cause()).isEqualTo(Cause.HTTP_TIMEOUT);
    assertThat(result(silent, "tenant-enrollment-service").status()).isEqualTo(Status.SKIP);
  }
}
