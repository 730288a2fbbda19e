package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.HttpTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password planted wherever a URL or proxy string is given or returned — {@code --proxy}, {@code
 * export --proxy}, a {@code --pac} URL, a PAC route — never appears in any message or report; the
 * user name does, with {@code ***} for the password.
 */
@Timeout(120)
class PlantedPasswordTest {
  private static final String SECRET = "Pl4ntedS3cret";
  private static final String PAC =
      "function FindProxyForURL(url, host) { return \"PROXY admin:"
          + SECRET
          + "@p.example:8080\"; }";

  @TempDir static Path dir;
  private static DnsTestServer dns;
  private static HttpTestServer wpad;

  @BeforeAll
  static void start() {
    dns = new DnsTestServer();
    wpad =
        HttpTestServer.plain(
            HttpTestServer.answer(200, "function FindProxyForURL(u, h) { return \"DIRECT\"; }"));
  }

  @AfterAll
  static void stop() {
    dns.close();
    wpad.close();
  }

  private static void assertNoSecret(CliRun run) {
    assertThat(run.out()).doesNotContain(SECRET);
    assertThat(run.err()).doesNotContain(SECRET);
  }

  private static String dnsServer() {
    return "127.0.0.1:" + dns.address().getPort();
  }

  private static String url(int port) {
    return "http://admin:" + SECRET + "@127.0.0.1:" + port + "/wpad.dat";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://admin:" + SECRET + "@proxy.example:8080",
        "http://admin:" + SECRET + "@proxy.example",
        "http://admin:" + SECRET + "@[bad",
        "ftp://admin:" + SECRET + "@proxy.example:21"
      })
  void exportProxyMessagesRedactThePassword(String proxy) {
    CliRun run = CliRun.of("export", "--format", "pac", "--proxy", proxy);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("admin:***@");
    assertNoSecret(run);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://admin:" + SECRET + "@proxy.example:3128",
        "http://admin:" + SECRET + "@[bad",
        "socks5://admin:" + SECRET + "@proxy.example:1080"
      })
  void checkProxyMessagesRedactThePassword(String proxy) {
    CliRun run = CliRun.of("check", "--dns-server", dnsServer(), "--proxy", proxy);

    assertThat(run.exitCode()).isEqualTo(3);
    assertNoSecret(run);
  }

  @Test
  void anUnreachablePacUrlIsNamedWithoutItsPassword() throws IOException {
    int closed = LoopbackLab.closedPort();

    for (String command : List.of("check", "analyze")) {
      List<String> args = new ArrayList<>(List.of(command, "--pac", url(closed)));
      if (command.equals("check")) {
        args.addAll(List.of("--dns-server", dnsServer()));
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("admin:***@127.0.0.1:" + closed);
      assertNoSecret(run);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "csv", "markdown", "junit", "html"})
  void aPacUrlWithAPasswordIsRedactedInTheReport(String format) {
    CliRun run = CliRun.of("analyze", "--pac", url(wpad.port()), "--format", format);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertNoSecret(run);
    assertThat(wpad.requests()).allSatisfy(r -> assertThat(r).doesNotContain("Authorization"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "csv", "markdown", "junit", "html"})
  void aPacRouteWithCredentialsIsNeverPrinted(String format) throws IOException {
    Path pac = Files.writeString(dir.resolve("creds.pac"), PAC);

    CliRun run =
        CliRun.of(
            "check",
            "--dns-server",
            dnsServer(),
            "--timeout",
            "1s",
            "--pac",
            pac.toString(),
            "--format",
            format);

    assertThat(run.exitCode()).as(run.err()).isIn(2, 3);
    assertNoSecret(run);
  }
}
