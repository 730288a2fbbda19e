package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Escape sequences fed through every path that reaches the terminal or a report: an HTTP status
 * line, headers, a body that is not HTTP, certificate names, and file contents quoted in errors. No
 * output holds a byte below 0x20 other than newline and tab (and CSV's CRLF line ends).
 */
@Timeout(120)
class HostileTextIT {
  /** Clears the screen, sets the window title, rings the bell, and a C1 control sequence. */
  static final String ESCAPES = "\u001b[2J\u001b]0;owned\u0007\u009b31m";

  @TempDir static Path dir;
  private static LoopbackLab lab;

  @BeforeAll
  static void servers() {
    lab = new LoopbackLab(dir);
    HttpTestServer badStatus =
        lab.add(
            HttpTestServer.plain(
                (head, out) -> out.write(bytes("HTTP/1.1 2" + ESCAPES + "00 OK\r\n\r\n"))));
    HttpTestServer notHttp =
        lab.add(HttpTestServer.plain((head, out) -> out.write(bytes(ESCAPES + "\r\n"))));
    HttpTestServer blockPage =
        lab.add(
            HttpTestServer.plain(
                HttpTestServer.answer(
                    403,
                    "blocked " + ESCAPES,
                    "Via: 1.1 proxy" + ESCAPES,
                    "Server: squid" + ESCAPES,
                    "X-Squid-Error: ERR_ACCESS_DENIED" + ESCAPES)));
    var evilRoot = TestCertificates.root("CN=Evil" + ESCAPES + " Root,O=Evil" + ESCAPES);
    HttpTestServer evilCert =
        lab.add(
            HttpTestServer.tls(
                LoopbackLab.loopbackLeaf(evilRoot.intermediate("CN=Evil" + ESCAPES + " CA")),
                HttpTestServer.answer(404, "no")));
    lab.entry("bad-status", "127.0.0.1", "http", badStatus.port(), "BLOCKING")
        .entry("not-http", "127.0.0.1", "http", notHttp.port(), "BLOCKING")
        .entry("block-page", "127.0.0.1", "http", blockPage.port(), "BLOCKING")
        .entry("evil-cert", "127.0.0.1", "https", evilCert.port(), "BLOCKING");
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static void assertNoControlBytes(String what, String output) {
    String lines = output.replace("\r\n", "\n");
    assertThat(lines.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t'))
        .as("control characters in %s", what)
        .isEmpty();
    assertThat(lines.chars().filter(c -> c == 0x7f || (c >= 0x80 && c < 0xa0)))
        .as("C1 controls in %s", what)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "csv", "markdown", "junit", "html"})
  void peerTextReachesNoReportRaw(String format) throws IOException {
    LoopbackLab.Run run = lab.check("--format", format, "--timeout", "2s");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertNoControlBytes(format + " report", run.out());
    assertNoControlBytes("stderr", run.err());
    if (!format.equals("junit") && !format.equals("csv")) {
      assertThat(run.out()).contains("x1b");
    }
  }

  @Test
  void theTextReportShowsEachPathEscaped() throws IOException {
    String out = lab.check("--timeout", "2s").out();

    assertThat(out)
        .contains("\\x1b[2J\\x1b]0;owned\\x07\\x9b31m")
        .contains("malformed status line")
        .contains("not an HTTP response")
        .contains("Evil\\x1b[2J");
  }

  @ParameterizedTest
  @ValueSource(strings = {"allowlist", "squid", "hosts"})
  void fileContentsQuotedInErrorsAreEscaped(String kind) throws IOException {
    String line = kind.equals("squid") ? "http_access allow bad" + ESCAPES : "bad" + ESCAPES + " x";
    Path file = Files.writeString(dir.resolve(kind + ".txt"), line + "\n");
    Path pac =
        Files.writeString(dir.resolve("ok.pac"), "function FindProxyForURL(u, h) { return null; }");
    CliRun run =
        switch (kind) {
          case "allowlist" -> CliRun.of("analyze", "--allowlist", file.toString());
          case "squid" -> CliRun.of("analyze", "--squid", file.toString());
          default -> CliRun.of("analyze", "--pac", pac.toString(), "--resolve", "hosts:" + file);
        };

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("\\x1b[2J");
    assertNoControlBytes("stderr", run.err());
  }

  @Test
  void aConfigurationRuleShownAsEvidenceIsEscaped() throws IOException {
    Path squid =
        Files.writeString(
            dir.resolve("evidence.conf"),
            "acl odd dstdomain .odd"
                + ESCAPES
                + ".example\nhttp_access deny odd\n"
                + "http_access allow all\n");

    CliRun run = CliRun.of("analyze", "--squid", squid.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertNoControlBytes("json", run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.1 200 OK", "HTTP/1.1 404"})
  void aWpadServerStatusLineIsShownEscaped(String status) {
    try (HttpTestServer wpad =
        HttpTestServer.plain(
            (head, out) ->
                out.write(bytes(status + ESCAPES + "\r\nContent-Length: 3\r\n\r\n" + ESCAPES)))) {
      String url = "http://127.0.0.1:" + wpad.port() + "/wpad.dat";

      CliRun run = CliRun.of("analyze", "--pac", url);

      assertNoControlBytes("stderr", run.err());
      assertNoControlBytes("stdout", run.out());
      assertThat(run.exitCode()).isEqualTo(3);
    }
  }
}
