package dev.preflight.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AllowlistBuilderTest {
  private static Allowlist all() {
    List<Scenario> scenarios = List.of(Scenario.values());
    return AllowlistBuilder.build(
        SmallCatalog.catalog().select(SmallCatalog.ALL, Tpm.INTEL), scenarios, Tpm.INTEL);
  }

  private static Optional<AllowlistEntry> line(Allowlist list, String pattern) {
    return list.entries().stream().filter(e -> e.pattern().equals(pattern)).findFirst();
  }

  @Test
  void samePatternInTwoServicesIsOneLineWithUnitedPorts() {
    AllowlistEntry live = line(all(), "login.live.com").orElseThrow();
    assertThat(live.tcpPorts()).containsExactly(80, 443);
    assertThat(live.services()).containsExactly("autopilot", "intune");
    assertThat(live.entryIds()).containsExactly("live-autopilot", "live-intune");
  }

  @Test
  void hostBelowCompatibleWildcardFoldsIntoItEvenInOtherCase() {
    Allowlist list = all();
    assertThat(line(list, "enterpriseenrollment.manage.microsoft.com")).isEmpty();
    assertThat(line(list, "*.manage.microsoft.com").orElseThrow().entryIds())
        .containsExactly("intune-any", "intune-enroll");
  }

  @Test
  void hostBelowWildcardWithOtherImpactStays() {
    assertThat(line(all(), "swda01-mscdn.manage.microsoft.com").orElseThrow().impact())
        .isEqualTo(Impact.DEGRADED);
  }

  @Test
  void apexStaysNextToItsWildcardBecauseTheWildcardDoesNotMatchIt() {
    List<String> patterns = all().entries().stream().map(AllowlistEntry::pattern).toList();
    assertThat(patterns).containsSubsequence("manage.microsoft.com", "*.manage.microsoft.com");
  }

  @Test
  void narrowerWildcardFoldsIntoBroaderOne() {
    Allowlist list = all();
    assertThat(line(list, "*.download.windowsupdate.com")).isEmpty();
    assertThat(line(list, "*.windowsupdate.com").orElseThrow().entryIds())
        .containsExactly("wu-any", "wu-download");
  }

  @Test
  void placeholderAndDnsChecksAreExcludedWithAReason() {
    Allowlist list = all();
    assertThat(list.excluded())
        .extracting(ExcludedEntry::id)
        .containsExactly("hybrid-dc-ldap", "ncsi-dns");
    assertThat(list.excluded().get(0).reason()).contains("internal network");
    assertThat(list.excluded().get(1).reason()).contains("resolver check");
    assertThat(list.entries()).noneMatch(e -> e.pattern().contains("{"));
    assertThat(line(list, "dns.msftncsi.com")).isEmpty();
  }

  @Test
  void standInThatIsTheWildcardsZoneGetsItsOwnLineButAZoneCheckDoesNot() {
    Allowlist list = all();
    assertThat(line(list, "emdl.ws.microsoft.com").orElseThrow().entryIds())
        .containsExactly("do-emdl");
    assertThat(line(list, "*.emdl.ws.microsoft.com")).isPresent();
    assertThat(line(list, "dm.microsoft.com")).as("zone check of *.dm.microsoft.com").isEmpty();
  }

  @Test
  void udpPortsAreKeptApartFromTcp() {
    AllowlistEntry ntp = line(all(), "time.windows.com").orElseThrow();
    assertThat(ntp.udpPorts()).containsExactly(123);
    assertThat(ntp.tcpPorts()).isEmpty();
  }

  @Test
  void entriesAreSortedByDomainWithHostBeforeWildcard() {
    List<String> patterns = all().entries().stream().map(AllowlistEntry::pattern).toList();
    assertThat(patterns)
        .containsExactly(
            "*.dm.microsoft.com",
            "ekop.intel.com",
            "emdl.ws.microsoft.com",
            "*.emdl.ws.microsoft.com",
            "enterpriseregistration.windows.net",
            "login.live.com",
            "manage.microsoft.com",
            "*.manage.microsoft.com",
            "swda01-mscdn.manage.microsoft.com",
            "time.windows.com",
            "*.windowsupdate.com",
            "www.msftconnecttest.com",
            "ztd.dds.microsoft.com");
  }

  @Test
  void selectionDecidesTheTpmHost() {
    Allowlist discrete =
        AllowlistBuilder.build(
            SmallCatalog.catalog().select(SmallCatalog.ALL, Tpm.DISCRETE),
            List.of(Scenario.SELF_DEPLOYING),
            Tpm.DISCRETE);
    assertThat(line(discrete, "ekop.intel.com")).isEmpty();
    assertThat(line(all(), "ekop.intel.com")).isPresent();
  }
}
