package dev.preflight.verdict;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How findings group judged endpoints: by status, cause, route and TLS issuer; environment-wide
 * when they cover every endpoint that reached their step; ordered by consequence; remedies merged.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FindingsTest {
  private static final Environment DNS =
      Environment.builder().dnsServers(List.of("10.0.0.53:53")).build();
  private static final Endpoint A =
      entry("a", "a.example.com", Protocol.HTTPS, 443, Impact.BLOCKING);
  private static final Endpoint B =
      entry("b", "b.example.com", Protocol.HTTPS, 443, Impact.BLOCKING);
  private static final Endpoint C =
      entry("c", "c.example.com", Protocol.HTTPS, 443, Impact.DEGRADED);
  private static final Endpoint N =
      entry("n", "time.example.com", Protocol.NTP, 123, Impact.DEGRADED);

  private static EndpointResult fail(Endpoint e, Cause cause, String route) {
    return EndpointResult.problem(e, Status.FAIL, cause, "observed").withRoute(route);
  }

  private static EndpointResult pass(Endpoint e, String route) {
    return EndpointResult.pass(e, "fine").withRoute(route);
  }

  private static EndpointResult intercepted(Endpoint e, String root) {
    return fail(e, Cause.TLS_INTERCEPTED, "DIRECT")
        .withTls(new TlsFacts("TLSv1.3", "CN=issuer", root, null));
  }

  @Test
  void everyNameFailingTheSameWayIsOneEnvironmentWideFinding() {
    List<Finding> findings =
        Findings.of(
            List.of(
                fail(A, Cause.DNS_NXDOMAIN, "DIRECT"),
                fail(B, Cause.DNS_NXDOMAIN, "DIRECT"),
                fail(N, Cause.DNS_NXDOMAIN, "DIRECT")),
            DNS);

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).summary())
        .isEqualTo(
            "DNS_NXDOMAIN on 3 of 3 endpoints, every name this machine looked up: DNS"
                + " (10.0.0.53:53) answers that none of them exists, so it does not resolve public"
                + " names (an internal-only or split-horizon DNS).");
    assertThat(findings.get(0).endpointIds()).containsExactly("a", "b", "n");
  }

  @Test
  void oneNameThatResolvesMakesTheSameFailureLocal() {
    List<Finding> findings =
        Findings.of(
            List.of(
                fail(A, Cause.DNS_NXDOMAIN, "DIRECT"),
                fail(B, Cause.DNS_NXDOMAIN, "DIRECT"),
                pass(C, "DIRECT")),
            DNS);

    assertThat(findings.get(0).summary())
        .isEqualTo(
            "DNS_NXDOMAIN on 2 of 3 endpoints: the name does not exist according to the"
                + " resolver.");
  }

  @Test
  void aFailureAtAnEarlierStepDoesNotHideAnEnvironmentWideOneLater() {
    List<Finding> findings =
        Findings.of(
            List.of(
                intercepted(A, "CN=Inspector"),
                intercepted(B, "CN=Inspector"),
                fail(C, Cause.TCP_TIMEOUT, "DIRECT")),
            DNS);

    assertThat(findings)
        .extracting(Finding::cause)
        .containsExactly(Cause.TLS_INTERCEPTED, Cause.TCP_TIMEOUT);
    assertThat(findings.get(0).summary()).contains("every TLS handshake: every chain ends at");
  }

  @Test
  void twoInterceptingIssuersAreTwoFindingsAndNeitherIsEnvironmentWide() {
    List<Finding> findings =
        Findings.of(
            List.of(intercepted(A, "CN=One"), intercepted(B, "CN=One"), intercepted(C, "CN=Two")),
            DNS);

    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).summary())
        .isEqualTo(
            "TLS_INTERCEPTED on 2 of 3 endpoints (chains issued by CN=One): the certificate chain"
                + " does not lead to a root that this endpoint really uses.");
  }

  @Test
  void theSameCauseThroughTwoProxiesIsTwoFindings() {
    List<Finding> findings =
        Findings.of(
            List.of(
                fail(A, Cause.HTTP_PROXY_AUTH_REQUIRED, "PROXY p1:3128"),
                fail(B, Cause.HTTP_PROXY_AUTH_REQUIRED, "PROXY p2:3128")),
            DNS);

    assertThat(findings).hasSize(2);
    assertThat(findings).allSatisfy(f -> assertThat(f.results()).hasSize(1));
  }

  @Test
  void blockingFailuresComeFirstThenOtherFailuresThenWarningsLargerFirst() {
    // Two NTP failures outrank one refusal among the failures of degraded endpoints.
    EndpointResult warned =
        EndpointResult.problem(A, Status.WARN, Cause.TCP_TIMEOUT, "IPv6 dropped")
            .withRoute("DIRECT");
    List<Finding> findings =
        Findings.of(
            List.of(
                warned,
                fail(C, Cause.TCP_REFUSED, "DIRECT"),
                fail(N, Cause.NTP_TIMEOUT, "DIRECT"),
                fail(
                    entry("n2", "time2.example.com", Protocol.NTP, 123, Impact.DEGRADED),
                    Cause.NTP_TIMEOUT,
                    "DIRECT"),
                fail(B, Cause.HTTP_BLOCKED, "DIRECT")),
            DNS);

    assertThat(findings)
        .extracting(f -> f.cause() + " " + f.status() + " " + f.impact())
        .containsExactly(
            "HTTP_BLOCKED FAIL BLOCKING",
            "NTP_TIMEOUT FAIL DEGRADED",
            "TCP_REFUSED FAIL DEGRADED",
            "TCP_TIMEOUT WARN BLOCKING");
  }

  @Test
  void passesAndSkipsAreNoFinding() {
    assertThat(Findings.of(List.of(pass(A, "DIRECT"), EndpointResult.skip(B, "not needed")), DNS))
        .isEmpty();
  }

  @Test
  void oneEndpointIsNeverEnvironmentWideAndIsNamed() {
    List<Finding> findings = Findings.of(List.of(fail(A, Cause.TCP_REFUSED, "DIRECT")), DNS);

    assertThat(findings.get(0).summary())
        .isEqualTo(
            "TCP_REFUSED on 1 of 1 endpoint (a.example.com): the connection was actively refused"
                + " (RST).");
  }

  @Test
  void equalRemediesBecomeOneSentenceNamingEveryEndpoint() {
    List<Finding> findings =
        Findings.of(
            List.of(
                fail(A, Cause.TCP_REFUSED, "DIRECT"),
                fail(B, Cause.TCP_REFUSED, "DIRECT"),
                fail(C, Cause.TCP_REFUSED, "DIRECT"),
                fail(
                    entry("d", "d.example.com", Protocol.HTTPS, 443, Impact.BLOCKING),
                    Cause.TCP_REFUSED,
                    "DIRECT")),
            DNS);

    assertThat(findings.get(0).remedy())
        .isEqualTo(
            "Allow outbound TCP 443 to a.example.com, b.example.com and 2 more on the firewall and"
                + " check routing.");
  }

  @Test
  void differentRemediesOfOneCauseFollowEachOther() {
    Endpoint http = entry("h", "h.example.com", Protocol.HTTP, 80, Impact.BLOCKING);
    List<Finding> findings =
        Findings.of(
            List.of(fail(A, Cause.TCP_REFUSED, "DIRECT"), fail(http, Cause.TCP_REFUSED, "DIRECT")),
            DNS);

    assertThat(findings.get(0).remedy())
        .isEqualTo(
            "Allow outbound TCP 443 to a.example.com on the firewall and check routing. Allow"
                + " outbound TCP 80 to h.example.com on the firewall and check routing.");
  }

  @Test
  void aNameInsideAUrlIsNotTakenForTheEndpoint() {
    Endpoint ncsi = entry("ncsi", "www.msftconnecttest.com", Protocol.HTTP, 80, Impact.DEGRADED);
    Endpoint ncsi6 = entry("ncsi6", "ipv6.msftconnecttest.com", Protocol.HTTP, 80, Impact.DEGRADED);
    List<Finding> findings =
        Findings.of(
            List.of(
                fail(ncsi, Cause.HTTP_CAPTIVE_PORTAL, "DIRECT"),
                fail(ncsi6, Cause.HTTP_CAPTIVE_PORTAL, "DIRECT")),
            DNS);

    assertThat(findings.get(0).remedy())
        .isEqualTo(Remedies.forCause(Cause.HTTP_CAPTIVE_PORTAL, ncsi));
  }

  @Test
  void anEntryExpandedForSeveralHostsIsListedOnce() {
    Endpoint dc1 = entry("dc-ldap", "dc1.corp.example", Protocol.LDAP, 389, Impact.BLOCKING);
    Endpoint dc2 = entry("dc-ldap", "dc2.corp.example", Protocol.LDAP, 389, Impact.BLOCKING);
    List<Finding> findings =
        Findings.of(
            List.of(
                fail(dc1, Cause.DC_UNREACHABLE, "DIRECT"),
                fail(dc2, Cause.DC_UNREACHABLE, "DIRECT")),
            DNS);

    assertThat(findings.get(0).endpointIds()).containsExactly("dc-ldap");
    assertThat(findings.get(0).results()).hasSize(2);
  }
}
