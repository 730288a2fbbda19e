package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight serve} refuses to start, with exit 3 and one message, before it serves or probes
 * anything: no token off loopback, a bad token file, a corrupt or locked history, a port in use.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {
  @TempDir Path dir;

  private CliRun serve(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "serve";
    all[1] = "--data-dir";
    all[2] = dir.resolve("data").toString();
    all[3] = "--dns-server";
    all[4] = "127.0.0.1:9";
    System.arraycopy(args, 0, all, 5, args.length);
    return CliRun.of(all);
  }

  private static void assertRefused(CliRun run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).startsWith("preflight: ").contains(message).doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void listeningBeyondLoopbackNeedsAToken() {
    assertRefused(
        serve("--listen", "0.0.0.0:9464"),
        "--listen: 0.0.0.0:9464 is reachable from other machines: give --token FILE");
    assertRefused(serve("--listen", "[::]:9464"), "is reachable from other machines");
  }

  @Test
  void theTokenComesFromAReadableFileOfAtLeastSixteenCharacters() throws IOException {
    Path shortToken = Files.writeString(dir.resolve("short"), "abc\n");
    Path spaced = Files.writeString(dir.resolve("spaced"), "a token with spaces in it\n");

    assertRefused(
        serve("--token", dir.resolve("none").toString()), "none: cannot read: no such file");
    assertRefused(serve("--token", shortToken.toString()), "at least 16 characters");
    assertRefused(serve("--token", spaced.toString()), "without spaces");
    assertRefused(serve("--token", dir.toString()), "cannot read: it is a directory");
  }

  @Test
  void publicMetricsNeedAToken() {
    assertRefused(
        serve("--metrics-public"), "--metrics-public: makes sense only with --token FILE");
  }

  @Test
  void aCorruptHistoryStopsServeAndIsLeftAlone() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = Files.writeString(data.resolve("history.db"), "garbage\n".repeat(1000));

    assertRefused(
        serve(), "history.db: the history database is corrupt or is not an SQLite database");
    assertThat(Files.readString(file)).startsWith("garbage\n");
  }

  @Test
  void aLockedHistoryStopsServe() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    try (Connection other =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve("history.db"));
        Statement statement = other.createStatement()) {
      statement.execute("CREATE TABLE t (x)");
      statement.execute("BEGIN EXCLUSIVE");

      assertRefused(serve(), "locked by another process");
    }
  }

  @Test
  void aPortInUseIsNamed() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertRefused(serve("--listen", "127.0.0.1:" + taken.getLocalPort()), "the port is in use");
    }
  }

  @Test
  void everyCheckOptionIsCheckedAsForCheck() {
    assertRefused(serve("--timeout", "soon"), "--timeout");
    assertRefused(serve("--proxy", "http://p:1", "--pac", "x.pac"), "either --proxy or --pac");
    assertRefused(serve("--interval", "0s"), "--interval");
    assertRefused(serve("--retention", "forever"), "--retention");
    assertRefused(serve("--listen", "localhost:9464"), "--listen");
  }
}
