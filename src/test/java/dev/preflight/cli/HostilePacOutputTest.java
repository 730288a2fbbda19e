package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile PAC script can put into {@code analyze}'s output: a megabyte of routes, escape
 * sequences in {@code alert()} and in routes, credentials in a route. The report stays small, holds
 * no control byte and no password.
 */
@Timeout(60)
class HostilePacOutputTest {
  private static final String SECRET = "s3cretPassw0rd";

  @TempDir Path dir;

  private CliRun analyze(String body, String... more) throws IOException {
    Path pac =
        Files.writeString(
            dir.resolve("hostile.pac"), "function FindProxyForURL(url, host) {\n" + body + "\n}\n");
    String[] args = new String[3 + more.length];
    args[0] = "analyze";
    args[1] = "--pac";
    args[2] = pac.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.of(args);
  }

  static void assertNoControlBytes(String output) {
    assertThat(output.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'))
        .as("control characters in %s", output.length() > 2000 ? output.substring(0, 2000) : output)
        .isEmpty();
    assertThat(output.chars().filter(c -> c == 0x7f || (c >= 0x80 && c < 0xa0))).isEmpty();
  }

  @Test
  void aMegabyteAnswerIsCappedInEveryDetail() throws IOException {
    String megabyte =
        """
          var routes = "PROXY proxy.example:3128; ";
          while (routes.length < 1000000) { routes = routes + routes; }
          return routes;
        """;

    CliRun run = analyze(megabyte, "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().length()).isLessThan(400_000);
    assertThat(run.out()).contains("more bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "markdown", "html", "csv", "junit", "json"})
  void escapeSequencesInAlertsAreShownNotObeyed(String format) throws IOException {
    CliRun run =
        analyze(
            "alert(\"\\u001b[2J\\u001b]0;owned\\u0007 \\u009b31m\"); return \"DIRECT\";",
            "--format",
            format);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    if (!format.equals("csv") && !format.equals("junit")) {
      // Those two have no place for report warnings; the others show the alert, escaped.
      assertThat(run.out()).contains("x1b");
    }
    assertNoControlBytes(run.out());
  }

  @Test
  void anEscapeSequenceInARouteIsRefusedShownEscaped() throws IOException {
    CliRun run = analyze("return \"PROXY \\u001b[2J\\u001b]0;owned\\u0007:8080\";");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("\\x1b[2J").contains("is not DIRECT");
    assertNoControlBytes(run.err());
  }

  @Test
  void credentialsInARouteAreNeverPrinted() throws IOException {
    CliRun run = analyze("return \"PROXY admin:" + SECRET + "@proxy.example:8080\";");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("admin:***@proxy.example:8080").doesNotContain(SECRET);
  }
}
