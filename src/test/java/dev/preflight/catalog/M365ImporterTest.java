package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class M365ImporterTest {
  @TempDir Path dir;

  private M365Import sample(M365Importer.Options options) throws IOException {
    return M365Importer.importFile(M365Fixtures.copy("worldwide-sample.json", dir), options);
  }

  private M365Import sample() throws IOException {
    return sample(M365Importer.Options.ALL);
  }

  private static Optional<Endpoint> byPattern(M365Import result, String pattern) {
    return result.endpoints().stream().filter(e -> e.pattern().equals(pattern)).findFirst();
  }

  @Test
  void nameListedInTwoSetsIsOneEntryKeepingBothSets() throws IOException {
    M365Import result = sample();
    List<Endpoint> logins =
        result.endpoints().stream()
            .filter(e -> e.pattern().equals("login.microsoftonline.com"))
            .toList();
    assertThat(logins).hasSize(1);
    Endpoint login = logins.get(0);
    assertThat(login.id()).isEqualTo("m365-login.microsoftonline.com");
    assertThat(login.protocol()).isEqualTo(Protocol.HTTPS);
    assertThat(login.ports()).containsExactly(443, 80);
    assertThat(login.impact()).isEqualTo(Impact.BLOCKING);
    assertThat(login.inspectionUnsupported()).as("set 56 is category Allow").isTrue();
    assertThat(login.service()).isEqualTo("m365-common");
    assertThat(login.source().page()).contains("sets 56, 59").contains("worldwide-sample.json");
    assertThat(login.source().date()).isEqualTo("2026-11-01");
    assertThat(login.note())
        .contains("56 (Common, Allow, required, ExpressRoute)")
        .contains("59 (Common, Default, required)");
  }

  @Test
  void requiredAndOptionalSetsMergeToBlockingAndPortsUnite() throws IOException {
    Endpoint live = byPattern(sample(), "login.live.com").orElseThrow();
    assertThat(live.impact()).as("set 97 optional, set 202 optional").isEqualTo(Impact.DEGRADED);
    assertThat(live.ports()).containsExactly(443, 80);
    assertThat(live.note()).contains("Notes: set 97: Consumer Outlook.com");
  }

  @Test
  void optionalSetIsDegradedAndDefaultCategoryAllowsInspection() throws IOException {
    Endpoint account = byPattern(sample(), "account.live.com").orElseThrow();
    assertThat(account.impact()).isEqualTo(Impact.DEGRADED);
    assertThat(account.inspectionUnsupported()).isFalse();
  }

  @Test
  void absentFieldsGiveAnOptionalEntryInAnUnknownArea() throws IOException {
    M365Import result = sample();
    Endpoint absent = byPattern(result, "absent-fields.microsoft.com").orElseThrow();
    assertThat(absent.impact()).isEqualTo(Impact.DEGRADED);
    assertThat(absent.service()).isEqualTo("m365-unknown-area");
    assertThat(absent.note()).isEqualTo("Microsoft 365 endpoint set 200 (optional).");
    assertThat(result.services())
        .extracting(Service::id, Service::name)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "m365-unknown-area", "Microsoft 365 (no service area)"),
            org.assertj.core.groups.Tuple.tuple("m365-mem", "Microsoft 365 MEM"));
  }

  @Test
  void setWithoutPortsIsLeftOutWithAWarning() throws IOException {
    M365Import result = sample();
    assertThat(byPattern(result, "no-ports.microsoft.com")).isEmpty();
    assertThat(result.warnings())
        .contains("set 201: lists no port preflight can use, so its names are left out");
  }

  @Test
  void portRangesExpandAndWideRangesAreLeftOut() throws IOException {
    M365Import result = sample();
    Endpoint teams = byPattern(result, "teams.microsoft.com").orElseThrow();
    assertThat(teams.ports()).containsExactly(443, 8000, 8001, 8002);
    assertThat(result.warnings())
        .contains(
            "set 12: TCP range 1024-65535 is wider than 100 ports and is left out",
            "set 12: UDP ports [3478, 3479, 3480, 3481] are left out: preflight probes UDP only"
                + " for NTP (123)");
  }

  @Test
  void udp123BecomesAnNtpEntry() throws IOException {
    Endpoint time = byPattern(sample(), "time.windows.com").orElseThrow();
    assertThat(time.protocol()).isEqualTo(Protocol.NTP);
    assertThat(time.ports()).containsExactly(123);
    assertThat(time.id()).isEqualTo("m365-time.windows.com-ntp");
  }

  @Test
  void ipOnlySetWithIpv6RangesIsCountedNotImported() throws IOException {
    M365Import result = sample();
    assertThat(result.warnings())
        .contains("set 11: lists only IP ranges; catalog entries are names, so it adds nothing");
    assertThat(result.endpoints()).noneMatch(e -> e.host().contains(":"));
  }

  @Test
  void wildcardUsesItsListedApexAsStandInElseAZoneCheck() throws IOException {
    M365Import result = sample();
    Endpoint manage = byPattern(result, "*.manage.microsoft.com").orElseThrow();
    assertThat(manage.host()).isEqualTo("manage.microsoft.com");
    assertThat(manage.expect().zone()).isFalse();
    Endpoint dm = byPattern(result, "*.dm.microsoft.com").orElseThrow();
    assertThat(dm.host()).isEqualTo("dm.microsoft.com");
    assertThat(dm.expect().zone()).isTrue();
    assertThat(dm.id()).isEqualTo("m365-star.dm.microsoft.com");
  }

  @Test
  void otherWildcardFormsWidenToTheCatalogForm() throws IOException {
    M365Import result = sample();
    Endpoint sharepoint = byPattern(result, "*.sharepoint.com").orElseThrow();
    assertThat(sharepoint.note()).contains("Listed as *-admin.sharepoint.com, *-my.sharepoint.com");
    assertThat(byPattern(result, "*.onmicrosoft.com")).isPresent();
    assertThat(result.endpoints()).noneMatch(e -> e.pattern().equals("*.com"));
    assertThat(result.warnings())
        .contains("set 46: '*.com' is too broad for a catalog wildcard and is left out");
  }

  @Test
  void serviceAreaFilterIsCaseInsensitive() throws IOException {
    M365Import result = sample(new M365Importer.Options(Set.of("mem"), false));
    assertThat(result.services()).extracting(Service::id).containsExactly("m365-mem");
    assertThat(result.setsUsed()).isEqualTo(2);
    assertThat(result.setsRead()).isEqualTo(12);
  }

  @Test
  void serviceAreaNoSetHasIsWarnedAbout() throws IOException {
    M365Import result = sample(new M365Importer.Options(Set.of("MEM", "Yammer"), false));
    assertThat(result.warnings()).contains("no endpoint set has service area 'yammer'");
    assertThat(result.warnings()).noneMatch(w -> w.contains("'mem'"));
  }

  @Test
  void requiredOnlyDropsOptionalAndUnmarkedSets() throws IOException {
    M365Import result = sample(new M365Importer.Options(Set.of(), true));
    assertThat(byPattern(result, "account.live.com")).isEmpty();
    assertThat(byPattern(result, "absent-fields.microsoft.com")).isEmpty();
    assertThat(result.endpoints()).allMatch(e -> e.impact() == Impact.BLOCKING);
  }

  @Test
  void entryIdsAreUniqueAndEntriesSorted() throws IOException {
    List<Endpoint> endpoints = sample().endpoints();
    assertThat(endpoints).extracting(Endpoint::id).doesNotHaveDuplicates();
    assertThat(endpoints)
        .extracting(Endpoint::pattern)
        .containsSubsequence(
            "manage.microsoft.com", "*.manage.microsoft.com", "*.msftidentity.com");
  }
}
