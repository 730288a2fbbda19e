package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.testing.DnsTestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar with its standard error on a real pseudo-terminal (Python's {@code pty}) while the
 * report goes to a pipe: a live line names the slowest endpoints still pending, their step and the
 * time left; its counts never go backwards and end at the total; it is erased at the end; and one
 * closing line says the verdict and where the report went. With standard output on the terminal
 * too, there is no closing line. A loopback DNS server answers NXDOMAIN for the shipped catalog at
 * once, and three added endpoints are loopback listeners that never speak TLS, so they stay pending
 * for the whole timeout.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProgressOnATerminalIT {
  private static final String ERASE = "\r\u001b[2K";
  private static final Pattern COUNTS = Pattern.compile("preflight: (\\d+)/(\\d+) done");

  @TempDir Path dir;
  private DnsTestServer dns;
  private final List<ServerSocket> silentTls = new ArrayList<>();

  record Session(int code, String stdout, String terminal) {}

  @BeforeEach
  void servers() throws Exception {
    for (int i = 1; i <= 3; i++) {
      silentTls.add(new ServerSocket(0, 50, InetAddress.getByName("127.0.0." + i)));
    }
    dns = new DnsTestServer();
  }

  @AfterEach
  void stop() throws Exception {
    dns.close();
    for (ServerSocket socket : silentTls) {
      socket.close();
    }
  }

  private Session check(String mode) throws Exception {
    StringBuilder catalog =
        new StringBuilder(
            """
            services:
              - id: lab
                name: Loopback lab
                consequence: Nothing; these endpoints exist for tests.
            endpoints:
            """);
    for (int i = 1; i <= 3; i++) {
      catalog.append(
          """
            - id: lab-slow-%d
              service: lab
              host: "127.0.0.%d"
              protocol: https
              ports: [%d]
              impact: BLOCKING
              source: {page: loopback lab, date: 2026-11-26}
          """
              .formatted(i, i, silentTls.get(i - 1).getLocalPort()));
    }
    Path file = Files.writeString(dir.resolve("slow.yaml"), catalog.toString());
    Path transcript = dir.resolve(mode + ".transcript");
    ProcessBuilder builder =
        new ProcessBuilder(
            "python3",
            Path.of("src/test/resources/pty/on-a-terminal.py").toAbsolutePath().toString(),
            mode,
            transcript.toString(),
            ProcessHandle.current().info().command().orElse("java"),
            "-jar",
            System.getProperty("preflight.jar", "target/preflight.jar"),
            "check",
            "--catalog",
            file.toString(),
            "--dns-server",
            "127.0.0.1:" + dns.address().getPort(),
            "--timeout",
            "3s",
            "--format",
            "json");
    builder.environment().put("COLUMNS", "160"); // as a shell exports it: room for every name
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Session(
        process.exitValue(), stdout, Files.readString(transcript, StandardCharsets.UTF_8));
  }

  @Test
  void aTerminalOnStandardErrorShowsALiveLineThenTheVerdict() throws Exception {
    Session session = check("stderr");

    JsonNode report = new ObjectMapper().readTree(session.stdout());
    assertThat(report.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(session.code()).isEqualTo(2);
    String terminal = session.terminal();
    assertThat(terminal)
        .contains(ERASE + "preflight: 0/")
        .containsPattern(
            "waiting for [a-z0-9.-]+ \\((starting|resolving|connecting|TLS|HTTP|NTP) \\d\\.\\d s\\)")
        .containsPattern(", [0-3]\\.\\d s left; ");
    List<int[]> frames = counts(terminal);
    assertThat(frames.stream().map(f -> f[0]).toList()).isSorted();
    int[] last = frames.get(frames.size() - 1);
    assertThat(last[0]).isEqualTo(last[1]);
    List<String> afterTheLine =
        terminal.substring(terminal.lastIndexOf(ERASE) + ERASE.length()).strip().lines().toList();
    assertThat(afterTheLine.get(0)).startsWith("Hint: --tenant");
    assertThat(afterTheLine.get(afterTheLine.size() - 1))
        .matches(
            "preflight: BLOCKED \\(exit 2\\): 0 passed, \\d+ failed \\(\\d+ blocking\\), 0 warned,"
                + " \\d+ skipped; report written to standard output");
  }

  @Test
  void aReportOnTheTerminalHasNoClosingLine() throws Exception {
    Session session = check("both");

    assertThat(session.terminal())
        .contains(ERASE + "preflight: 0/")
        .contains("\"verdict\" : \"BLOCKED\"")
        .doesNotContain("report written to");
  }

  private static List<int[]> counts(String terminal) {
    List<int[]> frames = new ArrayList<>();
    Matcher m = COUNTS.matcher(terminal);
    while (m.find()) {
      frames.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }
    return frames;
  }
}
