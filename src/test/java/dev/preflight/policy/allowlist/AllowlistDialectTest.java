package dev.preflight.policy.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.Protocol;
import dev.preflight.common.InputException;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.TestEndpoints;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV allowlists as spreadsheets and firewalls write them: comma, semicolon and tab separators told
 * from the header, CRLF line ends, a quoted field spanning two lines, UTF-8 with a byte-order mark,
 * UTF-16 in either byte order with one. Every fixture holds the same four rows, so every dialect
 * must give the same decisions with the same evidence lines.
 */
@Timeout(30)
class AllowlistDialectTest {
  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(AllowlistDialectTest.class.getResource("/allowlist/dialects/" + name).toURI());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "comma.csv",
        "semicolon-crlf.csv",
        "tab.tsv",
        "bom-utf8.csv",
        "utf16le-bom-tab.txt",
        "utf16be-bom-semicolon.csv"
      })
  void everyDialectReadsTheSameRows(String name) throws URISyntaxException {
    AllowlistEvaluator evaluator = AllowlistEvaluator.load(fixture(name));
    List<PolicyDecision> decisions =
        evaluator.evaluate(
            List.of(
                TestEndpoints.https("ztd.dds.microsoft.com"),
                TestEndpoints.of(
                    Protocol.HTTPS,
                    "enterpriseenrollment.manage.microsoft.com",
                    "*.manage.microsoft.com",
                    443,
                    false),
                TestEndpoints.of(Protocol.NTP, "time.windows.com", null, 123, false),
                TestEndpoints.https("login.live.com")));
    assertThat(decisions)
        .extracting(PolicyDecision::outcome)
        .containsExactly(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.NOT_LISTED);
    assertThat(decisions.subList(0, 3))
        .extracting(d -> d.evidence().line())
        .as("the row after a two-line field is named by its own line")
        .containsExactly(2, 4, 5);
    assertThat(decisions.get(1).evidence().rule()).isEqualTo("*.manage.microsoft.com");
    assertThat(evaluator.warnings()).isEmpty();
  }

  @Test
  void everyRejectedLineIsNamedInOneMessage() {
    assertThatThrownBy(() -> AllowlistEvaluator.load(fixture("rejected.csv")))
        .isInstanceOf(InputException.class)
        .satisfies(
            e -> {
              String file = fixture("rejected.csv").toString();
              assertThat(((InputException) e).line()).isEqualTo(3);
              assertThat(e.getMessage().lines().toList())
                  .containsExactly(
                      file
                          + ":3: 'a.*.com' has a wildcard that is not a leading '*.' (only"
                          + " *.example.com is supported)",
                      file + ":5: 'two words.example.com' contains whitespace",
                      file + ":6: CSV row has 2 fields but the header has 3",
                      file + ":7: empty host",
                      file + ": 4 lines rejected; the allowlist is not judged");
            });
  }

  @Test
  void aSemicolonHeaderIsNotReadAsOneHostName() throws IOException {
    Path file =
        Files.writeString(dir.resolve("excel.csv"), "name;fqdn;comment\nA;a.example.com;x\n");
    PolicyDecision a =
        AllowlistEvaluator.load(file)
            .evaluate(List.of(TestEndpoints.https("a.example.com")))
            .get(0);
    assertThat(a.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(a.evidence().line()).isEqualTo(2);
  }

  @Test
  void aPlainListWhoseCommentsHoldCommasStaysAPlainList() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("plain.txt"),
            "# Autopilot, Intune and time\nztd.dds.microsoft.com # a, b\n");
    assertThat(
            AllowlistEvaluator.load(file)
                .evaluate(List.of(TestEndpoints.https("ztd.dds.microsoft.com")))
                .get(0)
                .outcome())
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void manyRejectedLinesAreCountedBeyondTheFirstTwenty() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      text.append("bad host ").append(i).append('\n');
    }
    Path file = Files.writeString(dir.resolve("junk.txt"), text);
    assertThatThrownBy(() -> AllowlistEvaluator.load(file))
        .hasMessageStartingWith(file + ":1: ")
        .hasMessageContaining(file + ":20: 'bad host 19' contains whitespace")
        .hasMessageNotContaining(file + ":21: ")
        .hasMessageContaining("… and 30 more rejected lines")
        .hasMessageEndingWith(file + ": 50 lines rejected; the allowlist is not judged");
  }

  @Test
  void controlCharactersInARejectedValueAreShownNotPrinted() throws IOException {
    Path file = Files.writeString(dir.resolve("hostile.txt"), "evil\u001b[2J.example.com\n");
    assertThatThrownBy(() -> AllowlistEvaluator.load(file))
        .hasMessageContaining("evil\\x1b[2J.example.com")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
  }
}
