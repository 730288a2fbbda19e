package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code preflight diff} through the real command line: golden output for pairs of reports in every
 * format, the exit code saying whether something got worse, and one clear message with exit 3 for
 * reports it cannot read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiffCommandTest {
  private static final Path REPORTS = Path.of("src/test/resources/diff");

  @TempDir Path dir;

  static Stream<Arguments> pairs() {
    return Stream.of(
        // The verdict got worse: an endpoint failed, a failing one appeared, one got slower.
        Arguments.of("ready", "blocked", 1),
        // The verdict got better: the failure passed, the failing one disappeared, one got faster.
        Arguments.of("blocked", "ready", 0),
        // Nothing changed.
        Arguments.of("ready", "ready", 0),
        // Same verdict, another cause, an endpoint gone: reported, not worse.
        Arguments.of("blocked", "inspected", 0));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void textJsonAndMarkdownMatchTheGoldenFiles(String before, String after, int exit) {
    for (String format : new String[] {"text", "json", "markdown"}) {
      CliRun run = diff("--format", format, report(before), report(after));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
      assertThat(run.err()).isEmpty();
      String extension = format.equals("markdown") ? "md" : format.equals("json") ? "json" : "txt";
      Golden.assertMatches("diff/" + before + "-" + after + "." + extension, run.out());
    }
  }

  @Test
  void worseChangesComeFirstWithTheirRemedy() {
    CliRun run = diff(report("ready"), report("blocked"));

    assertThat(run.out())
        .startsWith("Verdict: READY -> BLOCKED (worse)")
        .contains(
            "status   ztd-dds (https://ztd.dds.microsoft.com/): PASS -> FAIL TCP_TIMEOUT (worse)")
        .contains("Remedy: Allow outbound TCP 443 to ztd.dds.microsoft.com")
        .contains("added    contoso-cmg (https://cmg.contoso.com/): new, FAIL DNS_NXDOMAIN (worse)")
        .contains("slower   wu-adl (https://adl.windows.com/): 200 ms -> 900 ms")
        .endsWith("3 endpoints changed; something got worse (exit code 1).\n");
    assertThat(run.out().indexOf("added")).isLessThan(run.out().indexOf("slower"));
  }

  @Test
  void aHigherThresholdHidesTheTimingChange() {
    CliRun run = diff("--threshold", "1s", report("ready"), report("blocked"));

    assertThat(run.out()).doesNotContain("slower").contains("2 endpoints changed");
  }

  @Test
  void standardInputIsOneOfTheReports() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    byte[] blocked = Files.readAllBytes(REPORTS.resolve("blocked.json"));
    int code =
        Main.run(
            new ByteArrayInputStream(blocked),
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            () -> Terminal.NONE,
            "diff",
            report("ready"),
            "-");

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("After:   standard input, check started");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "malformed.json, 'malformed.json:5: is not valid JSON'",
    "foreign.json, 'foreign.json: is not a preflight report (no schemaVersion or services)'",
    "newer-schema.json, 'newer-schema.json: has report schema version 2; this preflight reads"
        + " version 1'",
    "unknown-verdict.json, 'unknown-verdict.json: has the verdict ''MAYBE'', which this"
        + " preflight does not know'",
  })
  void unreadableReportsExitThreeWithOneMessage(String file, String message) {
    CliRun run = diff(report("ready"), REPORTS.resolve(file).toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("preflight: ").contains(message).doesNotContain("Exception");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aMissingFileIsNamed() {
    CliRun run = diff(report("ready"), dir.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("nope.json: cannot read: no such file");
  }

  @Test
  void runIdsNeedAHistory() throws IOException {
    Files.writeString(dir.resolve("history.db"), "not a database, just text\n".repeat(100));

    CliRun run = diff("--data-dir", dir.toString(), "1", "2");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("history.db").contains("corrupt or is not an SQLite database");
  }

  private static CliRun diff(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "diff";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.of(all);
  }

  private static String report(String name) {
    return REPORTS.resolve(name + ".json").toString();
  }
}
