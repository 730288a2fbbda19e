package dev.preflight.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.probe.AliasProbe;
import dev.preflight.probe.Cause;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpRequest;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackConnector;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tenant discovery against an in-process server answering realm discovery, the OpenID configuration
 * and MDM discovery: well-formed, malformed, oversized and silent answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenantDiscoveryTest {
  private static final Catalog CATALOG = CatalogLoader.shipped();
  private static final String DOMAIN = "fabrikam.example";
  private static final String REALM = "/common/userrealm/";
  private static final String OPENID = "/" + DOMAIN + "/v2.0/.well-known/openid-configuration";
  private static final String MDM = "/EnrollmentServer/Discovery.svc";

  static final String FEDERATED =
      """
      {"ver":"1.0","account_type":"Federated","domain_name":"fabrikam.example",\
      "federation_protocol":"WSTrust",\
      "federation_metadata_url":"https://sts.fabrikam.example/adfs/services/trust/mex",\
      "federation_active_auth_url":"https://sts.fabrikam.example/adfs/services/trust/2005/usernamemixed",\
      "cloud_instance_name":"microsoftonline.com","cloud_audience_urn":"urn:federation:MicrosoftOnline"}""";
  static final String MANAGED =
      """
      {"ver":"1.0","account_type":"Managed","domain_name":"fabrikam.example",\
      "cloud_instance_name":"microsoftonline.com"}""";
  static final String WORLDWIDE =
      """
      {"issuer":"https://login.microsoftonline.com/8f9b2b41-1c0d-4f3a-9a1b-7d2e5c6f8a90/v2.0",\
      "tenant_region_scope":"EU","cloud_instance_name":"microsoftonline.com"}""";
  static final String US_GOVERNMENT =
      """
      {"issuer":"https://login.microsoftonline.us/8f9b2b41-1c0d-4f3a-9a1b-7d2e5c6f8a90/v2.0",\
      "tenant_region_scope":"USGov","tenant_region_sub_scope":"DODCON",\
      "cloud_instance_name":"microsoftonline.us"}""";
  static final String DISCOVERED =
      """
      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">
        <s:Body><DiscoverResponse xmlns="http://schemas.microsoft.com/windows/management/2012/01/enrollment">
          <DiscoverResult>
            <AuthPolicy>Federated</AuthPolicy>
            <EnrollmentVersion>4.0</EnrollmentVersion>
            <EnrollmentPolicyServiceUrl>https://fef.msuc05.manage.microsoft.com/StatelessEnrollmentService/DeviceEnrollmentPolicy.svc</EnrollmentPolicyServiceUrl>
            <EnrollmentServiceUrl>https://fef.msuc05.manage.microsoft.com/StatelessEnrollmentService/DeviceEnrollment.svc</EnrollmentServiceUrl>
          </DiscoverResult>
        </DiscoverResponse></s:Body>
      </s:Envelope>""";

  private final DnsTestServer dns =
      new DnsTestServer()
          .answer("login.microsoftonline.com", "198.18.0.20")
          .answer("enrollment.manage.microsoft.com", "198.18.0.20")
          .cname("enterpriseenrollment." + DOMAIN, "enterpriseenrollment-s.manage.microsoft.com")
          .cname("enterpriseregistration." + DOMAIN, "mdm.fabrikam.example");
  private final Map<String, HttpTestServer.Behaviour> answers = new ConcurrentHashMap<>();
  private final HttpTestServer server = HttpTestServer.plain(this::answer);

  @AfterEach
  void close() {
    server.close();
    dns.close();
  }

  private void answer(String head, java.io.OutputStream out) throws Exception {
    String path = head.substring(head.indexOf(' ') + 1, head.indexOf(" HTTP/1.1"));
    for (Map.Entry<String, HttpTestServer.Behaviour> answer : answers.entrySet()) {
      if (path.startsWith(answer.getKey())) {
        answer.getValue().respond(head, out);
        return;
      }
    }
    out.write(HttpTestServer.response(404, "not here"));
  }

  private TenantDiscoveryTest serve(String path, int status, String body) {
    answers.put(path, HttpTestServer.answer(status, body));
    return this;
  }

  private TenantFindings discover(List<Scenario> scenarios) {
    ProbeContext context =
        ProbeContext.system(Duration.ofSeconds(2), List.of(), Duration.ofMinutes(5), dns.address())
            .withConnector(new LoopbackConnector());
    TenantDiscovery.Network network =
        new TenantDiscovery.Network() {
          @Override
          public HttpExchange.Outcome exchange(ProbeTarget target, HttpRequest request) {
            ProbeTarget plain = new ProbeTarget(onPort(target.endpoint()), target.route());
            return HttpExchange.send(plain, request, context);
          }

          @Override
          public ProbeResult alias(ProbeTarget target) {
            return AliasProbe.run(target, context);
          }
        };
    CheckSettings settings =
        CheckSettings.builder()
            .scenarios(scenarios)
            .timeout(Duration.ofSeconds(2))
            .tenant(Tenant.parse(DOMAIN))
            .build();
    return new TenantDiscovery(network, Clock.systemUTC()).discover(CATALOG, settings);
  }

  private TenantFindings discover() {
    return discover(List.of(Scenario.USER_DRIVEN));
  }

  /** The same entry over plain HTTP on the test server's port, so its id and path stay. */
  private Endpoint onPort(Endpoint e) {
    return new Endpoint(
        e.id(),
        e.service(),
        e.host(),
        e.wildcard(),
        Protocol.HTTP,
        List.of(server.port()),
        e.path(),
        e.impact(),
        e.scenarios(),
        e.tpms(),
        false,
        List.of(),
        e.expect(),
        e.source(),
        e.note());
  }

  private void wellFormed() {
    serve(REALM, 200, FEDERATED).serve(OPENID, 200, WORLDWIDE).serve(MDM, 200, DISCOVERED);
  }

  private static EndpointResult result(TenantFindings findings, String id) {
    return findings.settled().stream()
        .filter(r -> r.endpoint().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result " + id + " in " + findings.settled()));
  }

  private static List<String> targetHosts(TenantFindings findings) {
    return findings.targets().stream().map(t -> t.endpoint().host()).toList();
  }

  @Test
  void federatedDomainAddsItsIdentityProviderAsBlockingForUserDrivenMode() {
    wellFormed();

    TenantFindings findings = discover();

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
    assertThat(server.requests())
        .anyMatch(
            r -> r.startsWith("GET /common/userrealm/user%40fabrikam.example?api-version=1.0 "));
    assertThat(findings.warnings()).isEmpty();
  }

  @Test
  void mdmDiscoveryAddsTheTenantsEnrollmentAndPolicyServices() {
    wellFormed();

    TenantFindings findings = discover();

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
    int post =
        server
            .requests()
            .indexOf(
                server.requests().stream()
                    .filter(r -> r.startsWith("POST " + MDM))
                    .findFirst()
                    .orElseThrow());
    assertThat(server.requests().get(post)).contains("Content-Type: application/soap+xml");
    assertThat(server.bodies().get(post))
        .contains(
            "<EmailAddress>user@fabrikam.example</EmailAddress>",
            "IDiscoveryService/Discover</a:Action>");
  }

  @Test
  void managedDomainAddsNoIdentityProvider() {
    serve(REALM, 200, MANAGED).serve(OPENID, 200, WORLDWIDE).serve(MDM, 200, DISCOVERED);

    TenantFindings findings = discover();

    assertThat(targetHosts(findings)).doesNotContain("sts.fabrikam.example");
    assertThat(findings.summary().namespaceType()).isEqualTo("Managed");
  }

  @Test
  void identityProviderIsNotAddedForSelfDeployingMode() {
    wellFormed();

    TenantFindings findings = discover(List.of(Scenario.SELF_DEPLOYING));

    assertThat(targetHosts(findings)).doesNotContain("sts.fabrikam.example");
    assertThat(findings.summary().discoveredHosts())
        .anyMatch(h -> h.host().equals("sts.fabrikam.example"));
  }

  @Test
  void malformedRealmAnswerSkipsTheIdentityProviderWithAWarning() {
    serve(REALM, 200, "<html>sign in to the guest network</html>")
        .serve(OPENID, 200, WORLDWIDE)
        .serve(MDM, 200, DISCOVERED);

    TenantFindings findings = discover();

    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(result(findings, "tenant-identity-provider").endpoint().host())
        .isEqualTo("{identity-provider}");
    assertThat(findings.warnings())
        .anyMatch(w -> w.contains("realm discovery") && w.contains("not JSON"));
    assertThat(targetHosts(findings)).doesNotContain("sts.fabrikam.example");
  }

  @Test
  void oversizedRealmAnswerSkipsTheIdentityProviderWithAWarning() {
    serve(REALM, 200, "{\"pad\":\"" + "x".repeat(100_000) + "\"}")
        .serve(OPENID, 200, WORLDWIDE)
        .serve(MDM, 200, DISCOVERED);

    TenantFindings findings = discover();

    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("more than"));
  }

  @Test
  void federatedAnswerWithoutAnHttpsProviderIsMalformed() {
    serve(REALM, 200, FEDERATED.replace("https://sts", "http://sts"))
        .serve(OPENID, 200, WORLDWIDE)
        .serve(MDM, 200, DISCOVERED);

    TenantFindings findings = discover();

    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("not an https URL"));
  }

  @Test
  void silentRealmDiscoveryIsATimeoutAndSkipsTheIdentityProvider() {
    answers.put(REALM, (head, out) -> Thread.sleep(20_000));
    serve(OPENID, 200, WORLDWIDE).serve(MDM, 200, DISCOVERED);

    TenantFindings findings = discover();

    EndpointResult realm = result(findings, "tenant-realm-discovery");
    assertThat(realm.status()).isEqualTo(Status.FAIL);
    assertThat(realm.cause()).isEqualTo(Cause.HTTP_TIMEOUT);
    assertThat(result(findings, "tenant-identity-provider").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("HTTP_TIMEOUT"));
    assertThat(targetHosts(findings)).contains("fef.msuc05.manage.microsoft.com");
  }

  @Test
  void usGovernmentTenantIsWarnedAboutWithTheHostsThatDiffer() {
    serve(REALM, 200, MANAGED).serve(OPENID, 200, US_GOVERNMENT).serve(MDM, 200, DISCOVERED);

    TenantFindings findings = discover();

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
    serve(REALM, 200, MANAGED).serve(OPENID, 200, "[1,2]").serve(MDM, 200, DISCOVERED);
    assertThat(discover().warnings()).anyMatch(w -> w.contains("OpenID configuration"));

    serve(OPENID, 400, "{\"error\":\"invalid_tenant\"}");
    assertThat(discover().warnings()).anyMatch(w -> w.contains("does not know a tenant"));
  }

  @Test
  void mdmDiscoveryFaultSkipsTheEnrollmentServiceWithItsReason() {
    String fault =
        """
        <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault>
        <s:Code><s:Value>s:Receiver</s:Value></s:Code>
        <s:Reason><s:Text xml:lang="en-US">The user is not licensed</s:Text></s:Reason>
        </s:Fault></s:Body></s:Envelope>""";
    serve(REALM, 200, MANAGED).serve(OPENID, 200, WORLDWIDE).serve(MDM, 500, fault);

    TenantFindings findings = discover();

    assertThat(result(findings, "tenant-enrollment-service").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings())
        .anyMatch(w -> w.contains("MDM discovery") && w.contains("The user is not licensed"));
  }

  @Test
  void mdmAnswerWithAnEntityDeclarationIsRefusedUnread() {
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
            + "<x>&b;</x>";
    serve(REALM, 200, MANAGED).serve(OPENID, 200, WORLDWIDE).serve(MDM, 200, hostile);

    TenantFindings findings = discover();

    assertThat(result(findings, "tenant-enrollment-service").status()).isEqualTo(Status.SKIP);
    assertThat(findings.warnings()).anyMatch(w -> w.contains("not XML"));
  }

  @Test
  void oversizedOrSilentMdmDiscoverySkipsTheEnrollmentService() {
    serve(REALM, 200, MANAGED)
        .serve(OPENID, 200, WORLDWIDE)
        .serve(MDM, 200, "<x>" + "y".repeat(70_000) + "</x>");
    assertThat(discover().warnings()).anyMatch(w -> w.contains("more than it ever needs"));

    answers.put(MDM, (head, out) -> Thread.sleep(20_000));
    TenantFindings silent = discover();
    assertThat(result(silent, "tenant-mdm-discovery").cause()).isEqualTo(Cause.HTTP_TIMEOUT);
    assertThat(result(silent, "tenant-enrollment-service").status()).isEqualTo(Status.SKIP);
  }

  @Test
  void enrollmentAliasToIntunePassesAndRegistrationAliasElsewhereWarns() {
    wellFormed();

    TenantFindings findings = discover();

    assertThat(result(findings, "tenant-enrollment-cname").status()).isEqualTo(Status.PASS);
    EndpointResult registration = result(findings, "tenant-registration-cname");
    assertThat(registration.status()).isEqualTo(Status.WARN);
    assertThat(registration.cause()).isEqualTo(Cause.DNS_CNAME_MISMATCH);
    assertThat(registration.detail())
        .contains("mdm.fabrikam.example", "enterpriseregistration.windows.net");
  }

  @Test
  void absentAliasIsANoteNotAFailure() {
    wellFormed();
    dns.mode("enterpriseenrollment." + DOMAIN, DnsTestServer.Mode.NXDOMAIN);

    EndpointResult alias = result(discover(), "tenant-enrollment-cname");

    assertThat(alias.status()).isEqualTo(Status.PASS);
    assertThat(alias.detail()).contains("has no CNAME record", "fine for Entra join");
  }
}
