package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.monitor.History;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar's {@code serve} in a JVM of its own: SIGTERM while a run is in progress ends the
 * process within two seconds, and the history it leaves opens cleanly (neither locked nor corrupt).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeProcessIT {
  @TempDir Path dir;

  @Test
  void sigtermDuringARunExitsWithinTwoSecondsAndLeavesAUsableHistory() throws Exception {
    // A TLS endpoint whose listener never accepts: its handshake waits for the whole --timeout.
    try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Path catalog =
          Files.writeString(
              dir.resolve("hanging.yaml"),
              """
              services:
                - id: lab
                  name: Loopback lab
                  consequence: Nothing; this endpoint exists for tests.
              endpoints:
                - id: lab-hanging
                  service: lab
                  host: "127.0.0.1"
                  protocol: https
                  ports: [%d]
                  impact: BLOCKING
                  source: {page: loopback lab, date: 2026-11-26}
              """
                  .formatted(hanging.getLocalPort()));
      Process serve =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-jar",
                  jar().toString(),
                  "serve",
                  "--listen",
                  "127.0.0.1:0",
                  "--data-dir",
                  dir.toString(),
                  "--catalog",
                  catalog.toString(),
                  "--dns-server",
                  "127.0.0.1:9",
                  "--timeout",
                  "20s")
              .redirectErrorStream(true)
              .start();
      List<String> output = new ArrayList<>();
      CompletableFuture<Void> listening = new CompletableFuture<>();
      Thread.ofVirtual().start(() -> read(serve, output, listening));
      listening.get(60, TimeUnit.SECONDS);
      Thread.sleep(1000); // the first run starts at once and now waits on the handshake

      long stopped = System.nanoTime();
      serve.destroy(); // SIGTERM
      boolean exited = serve.waitFor(10, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - stopped);

      assertThat(exited).as("exited; output: %s", output).isTrue();
      assertThat(took).as("time to exit after SIGTERM").isLessThan(Duration.ofSeconds(2));
      assertThat(String.join("\n", output)).doesNotContain(": run 1:");
      try (History history = History.openReadOnly(dir)) {
        assertThat(history.runs(10)).isEmpty();
      }
    }
  }

  private static void read(
      Process process, List<String> output, CompletableFuture<Void> listening) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        synchronized (output) {
          output.add(line);
        }
        if (line.contains("listening on http://127.0.0.1:")) {
          listening.complete(null);
        }
      }
      listening.completeExceptionally(new AssertionError("serve ended: " + output));
    } catch (java.io.IOException e) {
      listening.completeExceptionally(e);
    }
  }

  private static Path jar() {
    String property = System.getProperty("preflight.jar");
    return Path.of(property == null ? "target/preflight.jar" : property).toAbsolutePath();
  }
}
