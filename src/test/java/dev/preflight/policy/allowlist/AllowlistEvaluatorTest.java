package dev.preflight.policy.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.Endpoint;
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
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class AllowlistEvaluatorTest {
  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(AllowlistEvaluatorTest.class.getResource("/allowlist/" + name).toURI());
  }

  private static PolicyDecision decide(Path file, Endpoint endpoint) {
    return AllowlistEvaluator.load(file).evaluate(List.of(endpoint)).get(0);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    // host, wildcard (empty for none), outcome, evidence line (0 for none)
    "ztd.dds.microsoft.com, , ALLOWED, 2",
    "cs.dds.microsoft.com, , NOT_LISTED, 0",
    // *.windows.net covers names below windows.net at any depth, but not windows.net.
    "enterpriseregistration.windows.net, , ALLOWED, 3",
    "a.b.windows.net, , ALLOWED, 3",
    "windows.net, , NOT_LISTED, 0",
    // .live.com covers live.com itself and every name below it.
    "live.com, , ALLOWED, 4",
    "login.live.com, , ALLOWED, 4",
    // The stand-in is listed but the wildcard the service needs is not.
    "enterpriseenrollment.manage.microsoft.com, *.manage.microsoft.com, PARTIAL, 5",
    "dm.microsoft.com, *.dm.microsoft.com, NOT_LISTED, 0",
    // A wider wildcard covers a narrower one.
    "tlu.dl.delivery.mp.microsoft.com, *.dl.delivery.mp.microsoft.com, ALLOWED, 6",
    // *.windows.net covers the whole *.blob.core.windows.net.
    "x.blob.core.windows.net, *.blob.core.windows.net, ALLOWED, 3",
    // Scheme, port, path and case are dropped from entries.
    "login.microsoftonline.com, , ALLOWED, 7",
  })
  void plainListCoverage(String host, String wildcard, Outcome outcome, int line)
      throws URISyntaxException {
    Endpoint endpoint =
        TestEndpoints.of(Protocol.HTTPS, host, wildcard == null ? null : wildcard, 443, false);
    PolicyDecision decision = decide(fixture("plain.txt"), endpoint);
    assertThat(decision.outcome()).as(decision.reason()).isEqualTo(outcome);
    if (line == 0) {
      assertThat(decision.evidence()).isNull();
    } else {
      assertThat(decision.evidence().line()).isEqualTo(line);
      assertThat(decision.evidence().file()).endsWith("plain.txt");
    }
  }

  @Test
  void addressEntriesAreSetAsideWithOneWarning() throws URISyntaxException {
    AllowlistEvaluator evaluator = AllowlistEvaluator.load(fixture("plain.txt"));
    assertThat(evaluator.warnings()).singleElement().asString().contains("1 address entries");
  }

  @Test
  void csvWithQuotedFieldsUsesTheHostColumn() throws URISyntaxException {
    Path csv = fixture("hosts.csv");
    assertThat(decide(csv, TestEndpoints.https("ztd.dds.microsoft.com")).evidence().line())
        .isEqualTo(2);
    PolicyDecision cdn =
        decide(
            csv,
            TestEndpoints.of(Protocol.HTTPS, "aadcdn.msftauth.net", "*.msftauth.net", 443, false));
    assertThat(cdn.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(cdn.evidence().rule()).isEqualTo("*.msftauth.net");
    assertThat(
            decide(csv, TestEndpoints.of(Protocol.NTP, "time.windows.com", null, 123, false))
                .outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(decide(csv, TestEndpoints.https("login.live.com")).outcome())
        .isEqualTo(Outcome.NOT_LISTED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "wildcard inside|ok.example.com\\na.*.com|2|wildcard that is not a leading '*.'",
        "suffix wildcard|*example.com|1|wildcard that is not a leading '*.'",
        "bare star|*|1|wildcard that is not a leading '*.'",
        "space inside|two words.example.com|1|contains whitespace",
        "bad label|bad_-.example..com|1|not a valid host name",
        "csv without host column|name,port\\nx,443|1|has no host column",
        "csv ragged row|host,port\\nx.example.com,443,extra|2|CSV row has 3 fields",
        "csv open quote|host,port\\n\"x.example.com,443|2|unterminated quoted CSV field",
        "csv junk after quote|host,port\\n\"x\"y,443|2|text after a closing quote",
        "csv empty host|host,port\\n,443|2|empty host",
      })
  void malformedLinesNameFileAndLine(String what, String text, int line, String reason)
      throws IOException {
    Path file = dir.resolve("allow.txt");
    Files.writeString(file, text.replace("\\n", "\n"));
    assertThatThrownBy(() -> AllowlistEvaluator.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":" + line + ": ")
        .hasMessageContaining(reason);
  }

  @Test
  void unreadableFileNamesIt() {
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> AllowlistEvaluator.load(missing))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": cannot read: no such file");
  }

  @Test
  void emptyListCoversNothing() throws IOException {
    Path file = dir.resolve("empty.txt");
    Files.writeString(file, "# nothing yet\n\n");
    assertThat(decide(file, TestEndpoints.https("ztd.dds.microsoft.com")).outcome())
        .isEqualTo(Outcome.NOT_LISTED);
  }
}
