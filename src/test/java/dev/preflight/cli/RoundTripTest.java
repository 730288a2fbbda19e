package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.testing.StockSquidTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The round trip: what {@code export} writes, {@code analyze} reads back as READY, for every
 * scenario and TPM kind and every format analyze reads — the domain list (in the star and the dot
 * wildcard style) and the CSV as an allowlist, the PAC file, and the squid fragment included in the
 * stock Debian {@code squid.conf} (judged from a copy of {@code /etc/squid} under {@code
 * --config-root}).
 */
@Timeout(300)
class RoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** An export format and how analyze is told to read it. */
  enum Format {
    DOMAINS("domains", "--allowlist"),
    DOMAINS_DOT("domains", "--allowlist", "--wildcard-style", "dot"),
    CSV("csv", "--allowlist"),
    PAC("pac", "--pac"),
    SQUID("squid", "--squid");

    final String export;
    final String analyze;
    final List<String> options;

    Format(String export, String analyze, String... options) {
      this.export = export;
      this.analyze = analyze;
      this.options = List.of(options);
    }
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (Scenario scenario : Scenario.values()) {
      for (Tpm tpm : Tpm.values()) {
        for (Format format : Format.values()) {
          all.add(Arguments.of(scenario.id(), tpm.id(), format));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("matrix")
  void exportAnalyzedBackIsReady(String scenario, String tpm, Format format) throws IOException {
    JsonNode report = roundTrip(scenario, tpm, format);
    assertThat(report.get("verdict").asText()).as(failures(report)).isEqualTo("READY");
    assertThat(report.get("warnings")).as("warnings").isEmpty();
    assertThat(endpoints(report))
        .as("every endpoint passes, or is skipped as a resolver check or an internal name")
        .allSatisfy(
            e ->
                assertThat(e.get("status").asText()).as(e.get("id").asText()).isIn("PASS", "SKIP"));
  }

  @Test
  void resolverChecksAreJudgedAlikeByEveryAnalyzer() throws IOException {
    List<String> details = new ArrayList<>();
    for (Format format : Format.values()) {
      for (JsonNode e : endpoints(roundTrip("user-driven", "discrete", format))) {
        if (e.get("id").asText().equals("ncsi-dns")) {
          assertThat(e.get("status").asText()).as(format.name()).isEqualTo("SKIP");
          details.add(e.get("detail").asText());
        }
      }
    }
    assertThat(details).hasSize(Format.values().length);
    assertThat(details).allMatch(details.get(0)::equals);
    assertThat(details.get(0))
        .contains("dns.msftncsi.com resolves to 131.107.255.255")
        .contains("not by an allowlist")
        .contains("An allowlist can at most let that server reach the internet on port 53");
  }

  /** Exports, analyzes the export back as a network team would install it, and parses the JSON. */
  private JsonNode roundTrip(String scenario, String tpm, Format format) throws IOException {
    Path work = Files.createTempDirectory(dir, scenario + "-" + tpm + "-" + format);
    Path exported = work.resolve("exported." + format.export);
    List<String> exportArgs =
        new ArrayList<>(
            List.of("export", "--scenario", scenario, "--tpm", tpm, "--format", format.export));
    exportArgs.addAll(format.options);
    exportArgs.addAll(List.of("--output", exported.toString()));
    CliRun export = CliRun.of(exportArgs.toArray(String[]::new));
    assertThat(export.exitCode()).as(export.err()).isZero();
    List<String> analyze =
        new ArrayList<>(
            List.of("analyze", "--scenario", scenario, "--tpm", tpm, "--format", "json"));
    if (format == Format.SQUID) {
      Path root = work.resolve("proxy");
      Path squidConf = StockSquidTree.withFragment(root, Files.readString(exported));
      analyze.addAll(List.of("--squid", squidConf.toString(), "--config-root", root.toString()));
    } else {
      analyze.addAll(List.of(format.analyze, exported.toString()));
    }
    CliRun run = CliRun.of(analyze.toArray(String[]::new));
    assertThat(run.exitCode())
        .as("exit code; stderr: %s; stdout: %s", run.err(), run.out())
        .isZero();
    return JSON.readTree(run.out());
  }

  private static List<JsonNode> endpoints(JsonNode report) {
    return StreamSupport.stream(report.get("services").spliterator(), false)
        .flatMap(s -> StreamSupport.stream(s.get("endpoints").spliterator(), false))
        .toList();
  }

  private static String failures(JsonNode report) {
    return endpoints(report).stream()
        .filter(e -> !e.get("status").asText().matches("PASS|SKIP"))
        .map(e -> e.get("id").asText() + " " + e.get("status").asText() + ": " + e.get("detail"))
        .toList()
        .toString();
  }
}
