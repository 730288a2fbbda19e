package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** User catalog files add and override entries, services and root sets, in file order. */
@Timeout(60)
class CatalogLoaderTest {
  private static final Path CONTOSO = CatalogFixtures.good("contoso.yaml");

  @Test
  void userFileAddsServiceRootSetAndEntry() {
    Catalog catalog = CatalogLoader.load(List.of(CONTOSO));
    assertThat(catalog.service("configmgr").orElseThrow().name())
        .isEqualTo("Configuration Manager cloud management gateway");
    Endpoint cmg = catalog.endpoint("contoso-cmg").orElseThrow();
    assertThat(cmg.host()).isEqualTo("cmg.contoso.com");
    assertThat(cmg.target()).isEqualTo("https://cmg.contoso.com/CCM_Proxy_ServerAuth/");
    assertThat(cmg.scenarios())
        .containsExactlyInAnyOrder(Scenario.USER_DRIVEN, Scenario.HYBRID_JOIN);
    assertThat(cmg.roots()).startsWith("Contoso Root CA 2024", "DigiCert Global Root CA");
    assertThat(cmg.source()).isEqualTo(new Source("Contoso network plan", "2026-01-15"));
    assertThat(catalog.rootSets()).containsKeys("microsoft-public", "contoso-private");
  }

  @Test
  void wildcardWithoutHostBecomesAZoneCheckOnEveryScenario() {
    Endpoint cdn =
        CatalogLoader.load(List.of(CONTOSO)).endpoint("contoso-tenant-cdn").orElseThrow();
    assertThat(cdn.host()).isEqualTo("cdn.contoso.com");
    assertThat(cdn.zoneCheck()).isTrue();
    assertThat(cdn.ports()).containsExactly(443);
    assertThat(cdn.scenarios()).containsExactlyInAnyOrder(Scenario.values());
    assertThat(cdn.source().page()).isEqualTo(CONTOSO.toString());
  }

  @Test
  void overrideReplacesTheEntryInPlace() {
    Catalog shipped = CatalogLoader.shipped();
    Catalog catalog = CatalogLoader.load(List.of(CONTOSO));
    Endpoint win32 = catalog.endpoint("intune-win32-cdn").orElseThrow();
    assertThat(win32.impact()).isEqualTo(Impact.BLOCKING);
    assertThat(catalog.endpoints().indexOf(win32))
        .isEqualTo(shipped.endpoints().indexOf(shipped.endpoint("intune-win32-cdn").orElseThrow()));
    assertThat(catalog.endpoints()).hasSize(shipped.endpoints().size() + 2);
    assertThat(shipped.endpoint("intune-win32-cdn").orElseThrow().impact())
        .isEqualTo(Impact.DEGRADED);
  }

  @Test
  void laterFilesWin() {
    Path second = CatalogFixtures.good("second.yaml");
    Endpoint cmg =
        CatalogLoader.load(List.of(CONTOSO, second)).endpoint("contoso-cmg").orElseThrow();
    assertThat(cmg.host()).isEqualTo("cmg2.contoso.com");
    assertThat(cmg.target()).isEqualTo("tcp://cmg2.contoso.com:10123");
    assertThat(cmg.source()).isEqualTo(new Source(second.toString(), "undated"));
  }

  @Test
  void servicesAndRootSetsMayComeFromALaterFile(@TempDir Path dir) throws IOException {
    Path uses = dir.resolve("uses.yaml");
    Files.writeString(
        uses,
        """
        endpoints:
          - id: proxy-health
            service: proxy
            host: proxy.corp.example
            protocol: tcp
            ports: [3128]
            impact: BLOCKING
            rootSets: [corp]
        """);
    Path defines = dir.resolve("defines.yaml");
    Files.writeString(
        defines,
        """
        rootSets:
          corp: [Corp Root]
        services:
          - {id: proxy, name: Internal proxy, consequence: Nothing reaches the internet.}
        """);
    Endpoint proxy =
        CatalogLoader.load(List.of(uses, defines)).endpoint("proxy-health").orElseThrow();
    assertThat(proxy.roots()).containsExactly("Corp Root");
  }

  @Test
  void redefinedServiceAndRootSetApplyToShippedEntries(@TempDir Path dir) throws IOException {
    Path lab = dir.resolve("lab.yaml");
    Files.writeString(
        lab,
        """
        rootSets:
          microsoft-public: [Lab Root CA]
        services:
          - id: ntp
            name: Lab time
            consequence: The lab clock drifts.
        """);
    Catalog catalog = CatalogLoader.load(List.of(lab));
    assertThat(catalog.endpoint("ztd-dds").orElseThrow().roots()).containsExactly("Lab Root CA");
    assertThat(catalog.service("ntp").orElseThrow().name()).isEqualTo("Lab time");
    assertThat(catalog.services().indexOf(catalog.service("ntp").orElseThrow()))
        .isEqualTo(
            CatalogLoader.shipped()
                .services()
                .indexOf(CatalogLoader.shipped().service("ntp").orElseThrow()));
  }

  @Test
  void noUserFilesIsTheShippedCatalog() {
    assertThat(CatalogLoader.load(List.of())).isSameAs(CatalogLoader.shipped());
  }
}
