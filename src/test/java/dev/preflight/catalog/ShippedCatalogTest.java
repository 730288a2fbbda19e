package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog shipped in the jar: complete against the seed page, sourced and consistent. */
@Timeout(60)
class ShippedCatalogTest {
  private static final Catalog CATALOG = CatalogLoader.shipped();

  /** Where S1 says "the Autopilot process still continues". */
  private static final Set<String> CONTINUES =
      Set.of(
          "windows-update", "delivery-optimization", "diagnostic-data", "wns", "microsoft-store");

  @Test
  void loadsWithEveryEntryPointingAtAKnownService() {
    assertThat(CATALOG.endpoints()).hasSizeGreaterThan(60);
    assertThat(CATALOG.endpoints())
        .allSatisfy(e -> assertThat(CATALOG.service(e.service())).as(e.id()).isPresent());
    assertThat(CATALOG.endpoints().stream().map(Endpoint::id).distinct())
        .hasSize(CATALOG.endpoints().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "autopilot-deployment",
        "windows-activation",
        "entra-id",
        "intune",
        "autopilot-diagnostics",
        "windows-update",
        "delivery-optimization",
        "ntp",
        "dns",
        "diagnostic-data",
        "ncsi",
        "wns",
        "microsoft-store",
        "microsoft-365-apps",
        "certificate-revocation",
        "hybrid-join",
        "tpm-attestation"
      })
  void everySeedServiceHasEntries(String service) {
    assertThat(CATALOG.service(service)).isPresent();
    assertThat(CATALOG.endpoints()).anyMatch(e -> e.service().equals(service));
  }

  static List<String> seedHosts() {
    return CatalogFixtures.lines(CatalogFixtures.DIR.resolve("seed-hosts.txt"));
  }

  @ParameterizedTest
  @MethodSource("seedHosts")
  void everySeedHostIsCovered(String host) {
    assertThat(CATALOG.endpoints())
        .anyMatch(e -> e.pattern().equals(host) || e.host().equals(host));
  }

  static Stream<Arguments> seedUrls() {
    return CatalogFixtures.lines(CatalogFixtures.DIR.resolve("seed-urls.txt")).stream()
        .map(line -> line.split(" "))
        .map(cols -> Arguments.of(cols[0], cols[1]));
  }

  @ParameterizedTest
  @MethodSource("seedUrls")
  void everySeedUrlIsProbedAsWritten(String url, String tpm) {
    Endpoint entry =
        CATALOG.endpoints().stream().filter(e -> e.target().equals(url)).findFirst().orElseThrow();
    Set<Tpm> expected = tpm.equals("-") ? Set.of() : Set.of(Tpm.parse(tpm).orElseThrow());
    assertThat(entry.tpms()).isEqualTo(expected);
    assertThat(entry.impact()).isEqualTo(Impact.BLOCKING);
  }

  @Test
  void degradedExactlyWhereAutopilotContinuesOrANoteSaysWhy() {
    for (Endpoint e : CATALOG.endpoints()) {
      if (CONTINUES.contains(e.service())) {
        assertThat(e.impact()).as(e.id()).isEqualTo(Impact.DEGRADED);
      } else if (e.impact() == Impact.DEGRADED) {
        assertThat(e.note()).as(e.id() + " needs a note saying why it is DEGRADED").isNotBlank();
      }
    }
    assertThat(CATALOG.endpoints())
        .filteredOn(e -> e.service().equals("autopilot-diagnostics"))
        .allMatch(e -> e.impact() == Impact.DEGRADED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ztd-dds",
        "cs-dds",
        "login-live",
        "activation-sls",
        "login-microsoftonline",
        "intune-enrollment",
        "dns-resolution",
        "ncsi-web",
        "ncsi-dns"
      })
  void coreEntriesBlock(String id) {
    assertThat(entry(id).impact()).isEqualTo(Impact.BLOCKING);
  }

  @Test
  void anUnreachableTimeServerOnlyDegrades() {
    // Autopilot needs a right clock, not NTP: CLOCK_SKEW blocks whatever this impact says.
    assertThat(entry("ntp-time-windows").impact()).isEqualTo(Impact.DEGRADED);
  }

  @Test
  void ncsiProbesExpectWindowsOwnAnswers() {
    Endpoint web = entry("ncsi-web");
    assertThat(web.target()).isEqualTo("http://www.msftconnecttest.com/connecttest.txt");
    assertThat(web.wildcard()).isEqualTo("*.msftconnecttest.com");
    assertThat(web.expect()).isEqualTo(new Expectation(200, "Microsoft Connect Test", null, false));
    assertThat(entry("ncsi-web-ipv6").host()).isEqualTo("ipv6.msftconnecttest.com");
    Endpoint dns = entry("ncsi-dns");
    assertThat(dns.protocol()).isEqualTo(Protocol.DNS);
    assertThat(dns.host()).isEqualTo("dns.msftncsi.com");
    assertThat(dns.expect().address()).isEqualTo("131.107.255.255");
  }

  @Test
  void ntpIsUdp123ToTimeWindows() {
    Endpoint ntp = entry("ntp-time-windows");
    assertThat(ntp.target()).isEqualTo("ntp://time.windows.com:123");
    assertThat(ntp.protocol().transport()).isEqualTo(Protocol.Transport.UDP);
  }

  @Test
  void dnsResolutionIsAResolverCheckNotAFirewallHost() {
    Endpoint dns = entry("dns-resolution");
    assertThat(dns.protocol()).isEqualTo(Protocol.DNS);
    assertThat(dns.allowlisted()).isFalse();
    assertThat(entry("ztd-dds").allowlisted()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "intune-manage",
        "intune-enrollment",
        "intune-dm",
        "intune-win32-cdn",
        "device-login",
        "intune-maa-1",
        "intune-dha",
        "store-displaycatalog",
        "store-purchase-md",
        "store-edge",
        "licensing-mp",
        "tpm-aik"
      })
  void tlsInspectionIsUnsupportedWhereMicrosoftSaysSo(String id) {
    assertThat(entry(id).inspectionUnsupported()).isTrue();
  }

  @Test
  void everyManageAndDmWildcardForbidsInspection() {
    assertThat(CATALOG.endpoints())
        .filteredOn(
            e ->
                e.pattern().endsWith("manage.microsoft.com")
                    || e.pattern().endsWith(".dm.microsoft.com"))
        .isNotEmpty()
        .allMatch(Endpoint::inspectionUnsupported);
    assertThat(entry("ztd-dds").inspectionUnsupported()).isFalse();
  }

  @Test
  void wildcardsHaveAStandInTheyCoverOrAZoneCheckWithANote() {
    for (Endpoint e : CATALOG.endpoints()) {
      String wildcard = e.wildcard();
      if (wildcard == null) {
        assertThat(e.zoneCheck()).as(e.id()).isFalse();
        continue;
      }
      assertThat(HostNames.covers(wildcard, e.host())).as(e.id()).isTrue();
      if (e.zoneCheck()) {
        assertThat(e.host()).as(e.id()).isEqualTo(wildcard.substring(2));
        assertThat(e.probeProtocol()).isEqualTo(Protocol.DNS);
        assertThat(e.target()).isEqualTo("dns://" + e.host());
        assertThat(e.note()).as(e.id()).isNotBlank();
      }
    }
  }

  @Test
  void microsoftaikIsAZoneCheckForTheTpmScenarios() {
    Endpoint aik = entry("tpm-aik");
    assertThat(aik.wildcard()).isEqualTo("*.microsoftaik.azure.net");
    assertThat(aik.host()).isEqualTo("microsoftaik.azure.net");
    assertThat(aik.zoneCheck()).isTrue();
    assertThat(aik.protocol()).isEqualTo(Protocol.HTTPS);
    assertThat(aik.scenarios())
        .containsExactlyInAnyOrder(Scenario.SELF_DEPLOYING, Scenario.PRE_PROVISIONING);
  }

  @Test
  void hybridJoinFindsAndReachesDomainControllers() {
    assertThat(entry("dc-locator").host()).isEqualTo("_ldap._tcp.dc._msdcs.{domain}");
    assertThat(entry("dc-locator").protocol()).isEqualTo(Protocol.DNS);
    assertThat(entry("dc-ldap").host()).isEqualTo("{dc}");
    assertThat(entry("dc-ldap").protocol()).isEqualTo(Protocol.LDAP);
    assertThat(entry("dc-ldap").port()).isEqualTo(389);
    assertThat(entry("dc-kerberos").protocol()).isEqualTo(Protocol.KERBEROS);
    assertThat(entry("dc-kerberos").port()).isEqualTo(88);
    assertThat(CATALOG.endpoints())
        .filteredOn(e -> e.host().contains("{"))
        .hasSize(3)
        .allMatch(e -> e.scenarios().equals(Set.of(Scenario.HYBRID_JOIN)));
  }

  @Test
  void microsoftPublicRootsAreTheAzureRootsBySubjectCn() {
    assertThat(CATALOG.rootSets().get("microsoft-public"))
        .containsExactly(
            "DigiCert Global Root CA",
            "DigiCert Global Root G2",
            "DigiCert Global Root G3",
            "DigiCert TLS ECC P384 Root G5",
            "DigiCert TLS RSA4096 Root G5",
            "Microsoft ECC Root Certificate Authority 2017",
            "Microsoft RSA Root Certificate Authority 2017");
    assertThat(entry("login-microsoftonline").roots())
        .isEqualTo(CATALOG.rootSets().get("microsoft-public"));
    assertThat(entry("tpm-ek-intel").roots()).isEmpty();
  }

  @Test
  void everyEntryNamesADatedSourceFromTheResearch() {
    assertThat(CATALOG.endpoints())
        .allSatisfy(
            e -> {
              assertThat(e.source().page()).as(e.id()).matches("[ST]\\d+ .+");
              assertThat(LocalDate.parse(e.source().date())).isBefore(LocalDate.of(2026, 1, 1));
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C9", "C10", "C12"})
  void everyContradictionThatForcedAChoiceIsNoted(String contradiction) {
    assertThat(CATALOG.endpoints())
        .anyMatch(e -> e.note() != null && e.note().matches("(?s).*\\b" + contradiction + "\\b.*"));
  }

  @Test
  void httpProbesHavePathsOnlyWhereTheyApply() {
    assertThat(CATALOG.endpoints())
        .filteredOn(e -> e.path() != null)
        .allMatch(e -> e.protocol() == Protocol.HTTP || e.protocol() == Protocol.HTTPS);
  }

  @Test
  void remoteHelpAndOtherFeaturesStayOut() {
    assertThat(CATALOG.endpoints())
        .noneMatch(
            e -> e.pattern().contains("remoteassistance") || e.pattern().contains("remotehelp"))
        .noneMatch(e -> e.pattern().contains("support.services.microsoft.com"))
        .noneMatch(e -> e.pattern().contains("orgmsg"));
  }

  private static Endpoint entry(String id) {
    return CATALOG.endpoint(id).orElseThrow(() -> new AssertionError("no entry " + id));
  }
}
