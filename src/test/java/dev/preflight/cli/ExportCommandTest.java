package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code preflight export} through the real command line: exit codes, stdout and stderr. */
@Timeout(60)
class ExportCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"domains", "pac", "squid", "csv", "json"})
  void shippedCatalogDefaultSelectionMatchesGoldenFile(String format) {
    Run run =
        format.equals("pac")
            ? run("export", "--format", "pac", "--proxy", "http://proxy.corp.example:8080")
            : run("export", "--format", format);
    assertThat(run.code()).as(run.err()).isZero();
    Golden.assertMatches("export/shipped-user-driven." + format, run.out());
    assertThat(run.err())
        .startsWith("preflight: ")
        .contains("allowlist lines from")
        .contains("(scenarios user-driven; TPM discrete)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dot", "zone"})
  void wildcardStylesMatchGoldenFiles(String style) {
    Run run = run("export", "--wildcard-style", style);
    assertThat(run.code()).as(run.err()).isZero();
    Golden.assertMatches("export/shipped-user-driven." + style + ".domains", run.out());
  }

  @Test
  void starIsTheDefaultWildcardStyle() {
    assertThat(run("export").out()).isEqualTo(run("export", "--wildcard-style", "STAR").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "pac", "squid", "json"})
  void wildcardStyleAppliesOnlyToDomains(String format) {
    Run run = run("export", "--format", format, "--wildcard-style", "dot");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--wildcard-style applies only to --format domains");
  }

  @Test
  void unknownWildcardStyleNamesTheChoices() {
    Run run = run("export", "--wildcard-style", "caret");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("expected one of star, dot, zone but was 'caret'");
  }

  @Test
  void domainsIsTheDefaultFormat() {
    assertThat(run("export").out()).isEqualTo(run("export", "--format", "DOMAINS").out());
  }

  @Test
  void hybridJoinLeavesDomainControllersOutAndSaysSo() {
    Run run = run("export", "--scenario", "hybrid-join");
    assertThat(run.code()).isZero();
    assertThat(run.out()).doesNotContain("{").contains("enterpriseregistration.windows.net");
    assertThat(run.err()).contains("left out, not internet destinations: ").contains("dc-ldap");
  }

  @Test
  void outputFileGetsWhatStdoutWouldAndStdoutStaysEmpty() throws IOException {
    Path file = dir.resolve("allow.squid");
    Run run = run("export", "--format", "squid", "--output", file.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(run("export", "--format", "squid").out());
  }

  @Test
  void unknownFormatIsExit3() {
    Run run = run("export", "--format", "xml");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            "Invalid value for option '--format': expected one of domains, pac, squid, csv, json"
                + " but was 'xml'")
        .contains("Try 'preflight export --help'");
  }

  @Test
  void malformedProxyIsExit3() {
    Run run = run("export", "--format", "pac", "--proxy", "https://proxy.corp.example:8080");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--proxy").contains("'https://' proxies are not supported");
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.corp", "proxy.corp:80", "http://proxy.corp"})
  void proxyIsReadAsCheckReadsIt(String proxy) {
    Run run = run("export", "--format", "pac", "--proxy", proxy);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("return \"PROXY proxy.corp:80\";");
  }

  @Test
  void proxyWithoutPacIsExit3() {
    Run run = run("export", "--format", "squid", "--proxy", "http://proxy:8080");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--proxy applies only to --format pac");
  }

  @Test
  void unknownScenarioIsExit3() {
    Run run = run("export", "--scenario", "kiosk");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("unknown scenario 'kiosk'");
  }

  @Test
  void missingCatalogFileIsExit3NamingIt() {
    Path missing = dir.resolve("missing.yaml");
    Run run = run("export", "--catalog", missing.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("preflight: " + missing + ": ");
  }

  @Test
  void unwritableOutputIsExit3NamingIt() {
    Path file = dir.resolve("no-such-dir").resolve("allow.txt");
    Run run = run("export", "--output", file.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith("preflight: " + file + ": cannot write");
  }
}
