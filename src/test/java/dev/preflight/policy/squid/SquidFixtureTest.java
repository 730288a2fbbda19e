package dev.preflight.policy.squid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.common.IpAddress;
import dev.preflight.policy.ConfigRoot;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.TestEndpoints;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code src/test/resources/squid/*.conf} fixture. A fixture states its expectations in
 * comments Squid ignores:
 *
 * <pre>
 * # client-ip 10.1.2.3
 * # expect https login.example.com:443 DENIED line=7 [wildcard=*.example.com] [inspect]
 * # warns acl-name-or-phrase
 * </pre>
 */
@Timeout(60)
class SquidFixtureTest {
  record Expectation(Endpoint endpoint, String outcome, int line) {}

  static Stream<Path> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(SquidFixtureTest.class.getResource("/squid").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixtureDecidesAsItsCommentsSay(Path fixture) throws IOException {
    List<String> lines = Files.readAllLines(fixture);
    Optional<IpAddress> client =
        lines.stream()
            .filter(l -> l.startsWith("# client-ip "))
            .map(l -> IpAddress.tryParse(l.substring(12)).orElseThrow())
            .findFirst();
    List<Expectation> expectations = new ArrayList<>();
    List<String> warns = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("# expect ")) {
        expectations.add(expectation(line.substring(9).trim().split("\\s+")));
      } else if (line.startsWith("# warns ")) {
        warns.add(line.substring(8).trim());
      }
    }
    assertThat(expectations).as("fixture has expectations").isNotEmpty();
    SquidEvaluator evaluator = SquidEvaluator.load(fixture, client, ConfigRoot.none());
    List<PolicyDecision> decisions =
        evaluator.evaluate(expectations.stream().map(Expectation::endpoint).toList());
    for (int i = 0; i < expectations.size(); i++) {
      Expectation want = expectations.get(i);
      PolicyDecision got = decisions.get(i);
      String what = fixture.getFileName() + " " + want.endpoint().target() + ": " + got.reason();
      assertThat(got.outcome().name()).as(what).isEqualTo(want.outcome());
      if (want.line() > 0) {
        assertThat(got.evidence()).as(what).isNotNull();
        assertThat(got.evidence().line()).as(what).isEqualTo(want.line());
      }
    }
    List<String> warnings = evaluator.warnings();
    for (String phrase : warns) {
      assertThat(warnings)
          .as(fixture.getFileName() + " warnings")
          .anyMatch(w -> w.contains(phrase));
    }
    if (warns.isEmpty()) {
      assertThat(warnings).as(fixture.getFileName() + " warnings").isEmpty();
    }
  }

  private static Expectation expectation(String[] words) {
    Protocol protocol = Protocol.parse(words[0]).orElseThrow();
    String[] hostPort = words[1].split(":");
    int port =
        hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : protocol == Protocol.HTTP ? 80 : 443;
    String wildcard = null;
    boolean inspect = false;
    int line = 0;
    for (int i = 3; i < words.length; i++) {
      if (words[i].startsWith("line=")) {
        line = Integer.parseInt(words[i].substring(5));
      } else if (words[i].startsWith("wildcard=")) {
        wildcard = words[i].substring(9);
      } else if (words[i].equals("inspect")) {
        inspect = true;
      }
    }
    Endpoint endpoint = TestEndpoints.of(protocol, hostPort[0], wildcard, port, inspect);
    return new Expectation(endpoint, words[2], line);
  }
}
