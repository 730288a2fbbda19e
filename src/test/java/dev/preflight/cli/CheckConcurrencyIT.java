package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.testing.HttpTestServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check costs about its slowest probe: endpoints on loopback that each take a second finish
 * together, unless {@code --parallelism} queues them.
 */
@Timeout(180)
class CheckConcurrencyIT {
  @TempDir Path dir;
  private LoopbackLab lab;

  @BeforeEach
  void start() {
    lab = new LoopbackLab(dir);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private LoopbackLab.Run check(String... args) throws IOException {
    return lab.check(args);
  }

  @Test
  void endpointsThatEachTakeOneSecondFinishTogether() throws IOException {
    int n = 8;
    for (int i = 0; i < n; i++) {
      HttpTestServer slow =
          lab.add(
              HttpTestServer.plain(
                  (head, out) -> {
                    Thread.sleep(1000);
                    out.write(HttpTestServer.response(404, "slow"));
                  }));
      lab.entry("lab-slow-" + i, "127.0.0.1", "http", slow.port(), "BLOCKING");
    }

    LoopbackLab.Run run = check("--format", "json", "--timeout", "5s");

    JsonNode report = run.json();
    for (int i = 0; i < n; i++) {
      JsonNode slow = LoopbackLab.endpoint(report, "lab-slow-" + i);
      assertThat(slow.get("status").asText()).isEqualTo("PASS");
      assertThat(slow.get("timings").get("totalMs").asLong()).isGreaterThanOrEqualTo(1000);
    }
    // Sequential probing would take n seconds; concurrent probing takes about one.
    assertThat(report.get("durationMs").asLong()).isLessThan(n * 1000 / 2);
  }

  @Test
  void parallelismOneQueuesTheSlowEndpoints() throws IOException {
    int n = 3;
    for (int i = 0; i < n; i++) {
      HttpTestServer slow =
          lab.add(
              HttpTestServer.plain(
                  (head, out) -> {
                    Thread.sleep(500);
                    out.write(HttpTestServer.response(404, "slow"));
                  }));
      lab.entry("lab-slow-" + i, "127.0.0.1", "http", slow.port(), "BLOCKING");
    }
    LoopbackLab.Run run = check("--format", "json", "--timeout", "5s", "--parallelism", "1");
    assertThat(run.json().get("durationMs").asLong()).isGreaterThanOrEqualTo(n * 500);
  }
}
