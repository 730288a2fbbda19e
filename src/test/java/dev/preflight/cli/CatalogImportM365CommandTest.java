package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.PacScript;
import dev.preflight.testing.SquidParse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code preflight catalog import-m365} through the real command line. */
@Timeout(60)
class CatalogImportM365CommandTest {
  @TempDir Path dir;

  /** Runs the real root command line with captured streams. */
  static ExportCommandTest.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new ExportCommandTest.Run(code, out.toString(), err.toString());
  }

  private Path fixture(String name) throws IOException {
    Path target = dir.resolve(Path.of(name).getFileName().toString());
    try (InputStream in = getClass().getResourceAsStream("/m365/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void writesACatalogThatExportAndCatalogListAccept() throws IOException {
    Path json = fixture("worldwide-sample.json");
    Path yaml = dir.resolve("m365.yaml");
    ExportCommandTest.Run imported =
        run("catalog", "import-m365", json.toString(), "--output", yaml.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).isEmpty();
    assertThat(imported.err())
        .contains("set 12: TCP range 1024-65535 is wider than 100 ports and is left out")
        .endsWith("preflight: imported 16 entries from 12 of 12 endpoint sets into " + yaml + "\n");

    ExportCommandTest.Run export = run("export", "--catalog", yaml.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("*.sharepoint.com\n", "teams.microsoft.com\n");
  }

  @Test
  void importedCatalogExportsASquidFragmentSquidAcceptsAndAPacRhinoRuns() throws IOException {
    Path yaml = dir.resolve("m365.yaml");
    run(
        "catalog",
        "import-m365",
        fixture("worldwide-sample.json").toString(),
        "--output",
        yaml.toString());
    ExportCommandTest.Run squid = run("export", "--format", "squid", "--catalog", yaml.toString());
    assertThat(squid.code()).as(squid.err()).isZero();
    assertThat(squid.out())
        .contains("acl preflight_dst_8001 dstdomain .teams.microsoft.com\n")
        .contains("acl preflight_no_inspection ssl::server_name .sharepoint.com\n");
    SquidParse.assertClean(SquidParse.parseFragment(dir, squid.out()));

    ExportCommandTest.Run pac =
        run(
            "export",
            "--format",
            "pac",
            "--proxy",
            "http://192.0.2.1:3128",
            "--catalog",
            yaml.toString());
    try (PacScript script = new PacScript(pac.out())) {
      assertThat(script.find("https://contoso-my.sharepoint.com/", "contoso-my.sharepoint.com"))
          .isEqualTo("DIRECT");
      assertThat(script.find("https://sharepoint.com.example.org/", "sharepoint.com.example.org"))
          .isEqualTo("PROXY 192.0.2.1:3128");
    }
  }

  @Test
  void filtersByServiceAreaAndRequiredFlagAndWritesToStdout() throws IOException {
    ExportCommandTest.Run run =
        run(
            "catalog",
            "import-m365",
            fixture("worldwide-sample.json").toString(),
            "--service-areas",
            "common,Exchange",
            "--required-only");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("# Catalog entries imported by preflight catalog import-m365")
        .contains("# Service areas: common, Exchange; required sets only.")
        .contains("id: \"m365-login.microsoftonline.com\"")
        .doesNotContain("m365-mem", "account.live.com", "m365-exchange");
    assertThat(run.err()).endsWith("preflight: imported 5 entries from 2 of 12 endpoint sets\n");
  }

  @Test
  void malformedFileIsExit3WithFileAndLine() throws IOException {
    Path bad = fixture("bad/ports-garbage.json");
    ExportCommandTest.Run run = run("catalog", "import-m365", bad.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "preflight: "
                + bad
                + ":5: 'tcpPorts': bad port 'https' (expected ports 1..65535 or ranges a-b,"
                + " comma-separated)\n");
  }

  @Test
  void nothingLeftAfterFiltersIsExit3() throws IOException {
    Path json = fixture("worldwide-sample.json");
    ExportCommandTest.Run run =
        run("catalog", "import-m365", json.toString(), "--service-areas", "Yammer");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(json + ": nothing to import: no endpoint set passes the filters");
  }

  @Test
  void missingFileArgumentIsExit3() {
    ExportCommandTest.Run run = run("catalog", "import-m365");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void outputIsNotTouchedWhenTheImportFails() throws IOException {
    Path yaml =
        Files.writeString(dir.resolve("keep.yaml"), "services: []\n", StandardCharsets.UTF_8);
    Path bad = fixture("bad/truncated.json");
    ExportCommandTest.Run run =
        run("catalog", "import-m365", bad.toString(), "--output", yaml.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(Files.readString(yaml)).isEqualTo("services: []\n");
  }
}
