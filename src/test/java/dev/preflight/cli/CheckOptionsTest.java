package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad options and unreadable files end {@code preflight check} with exit code 3 and one message
 * naming the option or file, before anything is probed and without a stack trace.
 */
@Timeout(60)
class CheckOptionsTest {
  @TempDir static Path dir;

  record Run(int code, String out, String err) {}

  static Run check(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("check"));
    all.addAll(List.of(args));
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  static Stream<Arguments> badOptions() throws IOException {
    Path notPem = Files.writeString(dir.resolve("roots.pem"), "not a certificate\n");
    Path badPac =
        Files.writeString(
            dir.resolve("broken.pac"),
            "function FindProxyForURL(u, h) {\n  return \"DIRECT\"\n  }}\n");
    Path badCatalog = Files.writeString(dir.resolve("bad.yaml"), "endpoints:\n  - id: [unclosed\n");
    return Stream.of(
        Arguments.of(List.of("--timeout", "0s"), "--timeout"),
        Arguments.of(List.of("--timeout", "soon"), "--timeout"),
        Arguments.of(List.of("--max-skew", "-1m"), "--max-skew"),
        Arguments.of(
            List.of("--proxy", "http://alice:secret@proxy:3128"), "never sends proxy credentials"),
        Arguments.of(List.of("--proxy", "socks5://proxy:1080"), "--proxy"),
        Arguments.of(List.of("--proxy", "http://p:1", "--pac", "x.pac"), "either --proxy or --pac"),
        Arguments.of(List.of("--pac", dir.resolve("missing.pac").toString()), "missing.pac"),
        Arguments.of(List.of("--pac", badPac.toString()), "broken.pac"),
        Arguments.of(List.of("--ca-file", notPem.toString()), "roots.pem"),
        Arguments.of(List.of("--ca-file", dir.resolve("none.pem").toString()), "none.pem"),
        Arguments.of(List.of("--catalog", dir.resolve("none.yaml").toString()), "none.yaml"),
        Arguments.of(List.of("--catalog", badCatalog.toString()), "bad.yaml"),
        Arguments.of(List.of("--format", "xml"), "--format"),
        Arguments.of(List.of("--parallelism", "0"), "--parallelism"),
        Arguments.of(List.of("--parallelism", "many"), "--parallelism"),
        Arguments.of(List.of("--dns-server", "dns.example"), "--dns-server"),
        Arguments.of(List.of("--domain", "not a domain"), "--domain"),
        Arguments.of(List.of("--tenant", "contoso"), "neither a domain"),
        Arguments.of(List.of("--tenant", "not a domain.com"), "--tenant"),
        Arguments.of(List.of("--tenant", "@contoso.com"), "not a user principal name"),
        Arguments.of(List.of("--tenant", "a<b>@contoso.com"), "not a user principal name"),
        Arguments.of(List.of("--scenario", "kiosk"), "kiosk"),
        Arguments.of(
            List.of("--output", dir.resolve("no/such/dir/report.json").toString()), "report.json"),
        Arguments.of(List.of("--output", dir.toString()), "is a directory"),
        Arguments.of(List.of("--no-such-option"), "--no-such-option"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOptions")
  void badOptionsExitThreeWithOneClearMessage(List<String> args, String named) {
    Run run = check(args.toArray(String[]::new));
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("preflight: ").contains(named);
    assertThat(run.err()).doesNotContain("\tat ", "Exception in thread", "secret");
  }

  @Test
  void debugAddsTheStackTrace() {
    Run run = check("--debug", "--ca-file", dir.resolve("none.pem").toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("none.pem").contains("\tat ");
  }

  @Test
  void helpListsTheContractOptions() {
    Run run = check("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains(
            "--scenario",
            "--tpm",
            "--catalog",
            "--proxy",
            "--pac",
            "--dns-server",
            "--ca-file",
            "--timeout",
            "--max-skew",
            "--parallelism",
            "--domain",
            "--tenant",
            "--format",
            "--output");
  }
}
