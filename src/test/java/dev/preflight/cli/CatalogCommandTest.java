package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogFixtures;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code preflight catalog list} and {@code show} through the real command line. */
@Timeout(60)
class CatalogCommandTest {
  private static final Catalog SHIPPED = CatalogLoader.shipped();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void listTextGroupsEntriesByService() {
    CliRun run = CliRun.of("catalog", "list");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<Endpoint> selected = SHIPPED.select(Set.of(Scenario.USER_DRIVEN), Tpm.DISCRETE);
    assertThat(run.out()).startsWith(selected.size() + " entries for user-driven (TPM discrete)\n");
    assertThat(run.out())
        .contains("\nWindows Autopilot Deployment Service [autopilot-deployment]: 3 flow hosts\n")
        .containsPattern("\nMicrosoft Intune \\[intune\\]: \\d+ flow hosts, 1 zone check\n")
        .containsPattern(
            "\n  intune-mdm-discovery +BLOCKING +https +443,80 +\\*\\.manage\\.microsoft\\.com"
                + "  \\(flow host enrollment\\.manage\\.microsoft\\.com; no TLS inspection\\)\n")
        .containsPattern(
            "\n  wu-windowsupdate +DEGRADED +http +80,443 +\\*\\.windowsupdate\\.com"
                + "  \\(stand-in download\\.windowsupdate\\.com\\)\n")
        .containsPattern("\n  ztd-dds +BLOCKING +https +443 +ztd\\.dds\\.microsoft\\.com\n")
        .containsPattern(
            "\n  intune-dm +BLOCKING +https +443,80 +\\*\\.dm\\.microsoft\\.com"
                + "  \\(zone check; no TLS inspection\\)\n")
        .doesNotContain("tpm-aik", "dc-ldap");
  }

  @Test
  void listFiltersByScenarioAndTpm() {
    CliRun run =
        CliRun.of("catalog", "list", "--scenario", "self-deploying,hybrid-join", "--tpm", "amd");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            SHIPPED.select(Set.of(Scenario.SELF_DEPLOYING, Scenario.HYBRID_JOIN), Tpm.AMD).size()
                + " entries for self-deploying, hybrid-join (TPM amd)\n")
        .contains("tpm-aik", "tpm-ek-amd", "dc-ldap")
        .doesNotContain("tpm-ek-intel", "tpm-ek-qualcomm");
  }

  @Test
  void listJsonCarriesEverySelectedEntry() throws IOException {
    CliRun run =
        CliRun.of(
            "catalog",
            "list",
            "--format",
            "json",
            "--scenario",
            "pre-provisioning",
            "--tpm",
            "intel");
    assertThat(run.exitCode()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("scenarios").toString()).isEqualTo("[\"pre-provisioning\"]");
    assertThat(root.get("tpm").asText()).isEqualTo("intel");
    List<String> ids = new ArrayList<>();
    root.get("endpoints").forEach(e -> ids.add(e.get("id").asText()));
    assertThat(ids)
        .containsExactlyElementsOf(
            SHIPPED.select(Set.of(Scenario.PRE_PROVISIONING), Tpm.INTEL).stream()
                .map(Endpoint::id)
                .toList());
    JsonNode ncsi = find(root.get("endpoints"), "ncsi-web");
    assertThat(ncsi.get("expect").get("body").asText()).isEqualTo("Microsoft Connect Test");
    assertThat(ncsi.get("expect").get("httpStatus").asInt()).isEqualTo(200);
    JsonNode intel = find(root.get("endpoints"), "tpm-ek-intel");
    assertThat(intel.get("target").asText()).isEqualTo("https://ekop.intel.com/ekcertservice");
    assertThat(intel.get("tpm").toString()).isEqualTo("[\"intel\"]");
    List<String> services = new ArrayList<>();
    root.get("services").forEach(svc -> services.add(svc.get("id").asText()));
    assertThat(services).hasSize(16).contains("tpm-attestation").doesNotContain("hybrid-join");
  }

  @Test
  void listCsvHasOneQuotedRowPerEntry() {
    CliRun run = CliRun.of("catalog", "list", "--format", "csv");
    assertThat(run.exitCode()).isZero();
    String[] lines = run.out().split("\r\n");
    assertThat(lines[0]).isEqualTo(CatalogCsv.HEADER);
    assertThat(lines)
        .hasSize(SHIPPED.select(Set.of(Scenario.USER_DRIVEN), Tpm.DISCRETE).size() + 1);
    assertThat(lines)
        .contains(
            "ncsi-web,ncsi,BLOCKING,http,80,www.msftconnecttest.com,*.msftconnecttest.com,"
                + "/connecttest.txt,user-driven self-deploying pre-provisioning hybrid-join,,"
                + "false,false,,S1 Windows Autopilot networking requirements,2023-12-08,"
                + "\"C7: S8 shows www.msftconnecttest.com under HTTPS, but S1, S9 and S10 use plain"
                + " HTTP and Windows' own probe is http://www.msftconnecttest.com/connecttest.txt,"
                + " so HTTP 80. The exact body and status come from the NCSI registry defaults"
                + " (T3); a redirect or other body means a captive portal.\",FLOW_HOST");
  }

  @Test
  void showTextListsEveryField() {
    CliRun run = CliRun.of("catalog", "show", "tpm-aik");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("id:             tpm-aik\nservice:        TPM attestation [tpm-attestation]\n")
        .contains("\nwildcard:       *.microsoftaik.azure.net\n")
        .contains("\ntarget:         dns://microsoftaik.azure.net\n")
        .contains("\nports:          443,80 (probed: none, DNS only)\n")
        .contains("\nscenarios:      self-deploying, pre-provisioning\n")
        .contains("\ntls inspection: not supported\n")
        .contains("\nexpect:         the zone resolves\n")
        .contains("\nsource:         S1 Windows Autopilot networking requirements (2023-12-08)\n");
  }

  @Test
  void showJsonNamesTheServiceAndTheEntry() throws IOException {
    CliRun run = CliRun.of("catalog", "show", "dc-ldap", "--format", "json");
    assertThat(run.exitCode()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("service").get("id").asText()).isEqualTo("hybrid-join");
    JsonNode entry = root.get("endpoint");
    assertThat(entry.get("host").asText()).isEqualTo("{dc}");
    assertThat(entry.get("protocol").asText()).isEqualTo("ldap");
    assertThat(entry.get("ports").get(0).asInt()).isEqualTo(389);
    assertThat(entry.get("wildcard").isNull()).isTrue();
  }

  @Test
  void showCsvIsAHeaderAndOneRow() {
    CliRun run = CliRun.of("catalog", "show", "ztd-dds", "--format", "csv");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().split("\r\n")).hasSize(2);
    assertThat(run.out())
        .contains("\r\nztd-dds,autopilot-deployment,BLOCKING,https,443,ztd.dds.microsoft.com,,,");
  }

  @Test
  void showUnknownIdIsExit3WithAHint() {
    CliRun run = CliRun.of("catalog", "show", "ztd");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "preflight: catalog show: no catalog entry with id 'ztd' (did you mean ztd-dds)\n");
  }

  @Test
  void showSeesUserCatalogOverrides() {
    CliRun run =
        CliRun.of(
            "catalog",
            "show",
            "intune-win32-cdn",
            "--catalog",
            CatalogFixtures.good("contoso.yaml").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\nimpact:         BLOCKING: ")
        .contains("Our Enrollment Status Page");
  }

  @Test
  void outputWritesTheSameBytesToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("catalog.json");
    CliRun toFile = CliRun.of("catalog", "list", "--format", "json", "--output", file.toString());
    assertThat(toFile.exitCode()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(Files.readString(file))
        .isEqualTo(CliRun.of("catalog", "list", "--format", "json").out());
  }

  @Test
  void outputIntoAMissingDirectoryIsExit3(@TempDir Path dir) {
    Path file = dir.resolve("missing").resolve("catalog.csv");
    CliRun run = CliRun.of("catalog", "list", "--format", "csv", "--output", file.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .isEqualTo("preflight: " + file + ": cannot write: its directory does not exist\n");
  }

  @Test
  void badOptionsAreExit3() {
    assertThat(CliRun.of("catalog", "list", "--scenario", "kiosk").exitCode()).isEqualTo(3);
    assertThat(CliRun.of("catalog", "list", "--format", "yaml").exitCode()).isEqualTo(3);
    assertThat(CliRun.of("catalog", "show").exitCode()).isEqualTo(3);
    CliRun bare = CliRun.of("catalog");
    assertThat(bare.exitCode()).isEqualTo(3);
    assertThat(bare.err())
        .startsWith("preflight: Missing a catalog command: list, show or import-m365.\n");
  }

  private static JsonNode find(JsonNode endpoints, String id) {
    for (JsonNode e : endpoints) {
      if (e.get("id").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no endpoint " + id);
  }
}
