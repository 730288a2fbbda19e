package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line behaves like the tools people know: {@code -} for standard output and input,
 * suggestions for mistyped commands and options, errors that name the option and the accepted
 * values, lower-case values in help, colour as {@code --color} and no-color.org say, and a closing
 * line on standard error when the report is not in front of the reader.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConventionsTest {
  private static final String ESC = "\u001b[";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(Map<String, String> env, Terminal terminal, InputStream in, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            in, new PrintWriter(out, true), new PrintWriter(err, true), env, () -> terminal, args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(Map<String, String> env, Terminal terminal, String... args) {
    return run(env, terminal, InputStream.nullInputStream(), args);
  }

  /** A squid configuration that denies everything: a BLOCKED report, offline. */
  private Path denyAll() throws IOException {
    return Files.writeString(dir.resolve("squid.conf"), "http_access deny all\n");
  }

  @Test
  void outputDashIsStandardOutputAndCreatesNoFile() {
    Run run = run(Map.of(), Terminal.NONE, "catalog", "list", "--format", "csv", "--output", "-");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("id,service,impact");
    assertThat(Path.of("-")).doesNotExist();
  }

  @Test
  void aMistypedCommandGetsTheNearestOne() {
    Run run = run(Map.of(), Terminal.NONE, "chek");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("'chek'").contains("Did you mean: preflight check?");
  }

  @Test
  void aMistypedOptionGetsTheNearestOne() {
    Run run = run(Map.of(), Terminal.NONE, "export", "--formt", "csv");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("'--formt'").contains("Possible solutions: --format");
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "check, --format, 'text, json, csv, markdown, junit, html'",
    "analyze, --format, 'text, json, csv, markdown, junit, html'",
    "export, --format, 'domains, pac, squid, csv, json'",
    "diff, --format, 'text, json, markdown'",
    "check, --color, 'auto, always, never'"
  })
  void aBadValueNamesTheOptionAndTheAcceptedValues(String command, String option, String values) {
    Run run = run(Map.of(), Terminal.NONE, command, option, "xml");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "Invalid value for option '"
                + option
                + "': expected one of "
                + values
                + " but was 'xml'");
  }

  @Test
  void helpSpellsEveryValueInLowerCase() {
    String help = run(Map.of(), Terminal.NONE, "check", "--help").out().replaceAll("\\s+", " ");

    assertThat(help)
        .contains("text, json, csv, markdown, junit, html (default: text)")
        .contains("auto, always, never (default: auto")
        .doesNotContain("TEXT", "MARKDOWN", "USER_DRIVEN");
  }

  @Test
  void everyCommandSummaryIsOneCompleteSentence() {
    CommandLine root =
        PreflightCommand.commandLine(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            Map.of(),
            () -> Terminal.NONE);
    for (CommandLine command : root.getSubcommands().values()) {
      CommandSpec spec = command.getCommandSpec();
      assertThat(spec.usageMessage().description()[0])
          .as(spec.qualifiedName())
          .matches("[A-Z].*\\.")
          .doesNotContain(": ");
    }
  }

  @Test
  void theExitCodesInHelpAreTheVerdictMeanings() {
    for (String command : new String[] {"--help", "check --help", "analyze --help"}) {
      Run run = run(Map.of(), Terminal.NONE, command.split(" "));
      for (Verdict verdict : Verdict.values()) {
        assertThat(run.out())
            .as(command)
            .contains(verdict.exitCode() + "   " + verdict + ": " + verdict.meaning());
      }
      assertThat(run.out()).contains("could not be judged; or bad");
    }
  }

  @Test
  void aTerminalGetsColourAndAnEmptyNoColorDoesNotTakeItAway() throws IOException {
    Path squid = denyAll();
    Terminal terminal = new Terminal(true, true);
    Run coloured = run(Map.of("NO_COLOR", ""), terminal, "analyze", "--squid", squid.toString());
    Run plain = run(Map.of("NO_COLOR", "1"), terminal, "analyze", "--squid", squid.toString());

    assertThat(coloured.out()).contains(ESC);
    assertThat(plain.out()).doesNotContain(ESC).contains("Verdict: BLOCKED");
  }

  @Test
  void colorAlwaysAndNeverWinOverTheTerminalAndTheEnvironment() throws IOException {
    Path squid = denyAll();
    Run always =
        run(
            Map.of("NO_COLOR", "1"),
            Terminal.NONE,
            "analyze",
            "--squid",
            squid.toString(),
            "--color",
            "always");
    Run never =
        run(
            Map.of(),
            new Terminal(true, true),
            "--color=never",
            "analyze",
            "--squid",
            squid.toString());

    assertThat(always.out()).contains(ESC);
    assertThat(never.out()).doesNotContain(ESC);
  }

  @Test
  void aReportOnAPipeIsFollowedByOneClosingLineOnStandardError() throws IOException {
    Run run = run(Map.of(), Terminal.NONE, "analyze", "--squid", denyAll().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .matches(
            "preflight: BLOCKED \\(exit 2\\): 0 passed, \\d+ failed \\(\\d+ blocking\\), 0 warned,"
                + " \\d+ skipped; report written to standard output\n");
  }

  @Test
  void aReportInAFileIsNamedInTheClosingLineEvenOnATerminal() throws IOException {
    Path report = dir.resolve("report.html");
    Run run =
        run(
            Map.of(),
            new Terminal(true, true),
            "analyze",
            "--squid",
            denyAll().toString(),
            "--format",
            "html",
            "--output",
            report.toString());

    assertThat(run.out()).isEmpty();
    assertThat(run.err()).endsWith("; report written to " + report + "\n");
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void aReportOnATerminalAndQuietHaveNoClosingLine() throws IOException {
    Path squid = denyAll();
    Run terminal = run(Map.of(), new Terminal(true, true), "analyze", "--squid", squid.toString());
    Run quiet = run(Map.of(), Terminal.NONE, "analyze", "--squid", squid.toString(), "--quiet");

    assertThat(terminal.err()).isEmpty();
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).contains("Verdict: BLOCKED");
  }
}
