package dev.preflight.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar's {@code serve} in the lab's client namespace with a short interval: a fault
 * switched on between two runs shows in {@code /metrics}, in {@code /api/history} and on the
 * dashboard as a change since the previous run. Requests go through curl inside the namespace.
 */
@Tag("lab")
@ExtendWith(LabExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ServeLabIT {
  private static final int PORT = 9464;
  private static final Duration INTERVAL = Duration.ofSeconds(15);

  private final Lab lab;
  @TempDir Path dir;

  ServeLabIT(Lab lab) {
    this.lab = lab;
  }

  @Test
  void aFaultBetweenTwoRunsShowsInMetricsHistoryAndDashboard() throws Exception {
    Path log = dir.resolve("serve.log");
    Process serve =
        new ProcessBuilder(
                "ip",
                "netns",
                "exec",
                Lab.CLIENT_NAMESPACE,
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                Preflight.jar().toString(),
                "serve",
                "--listen",
                "127.0.0.1:" + PORT,
                "--interval",
                INTERVAL.toSeconds() + "s",
                "--data-dir",
                dir.resolve("data").toString(),
                "--catalog",
                lab.repository().resolve("lab/catalog.yaml").toString(),
                "--ca-file",
                Lab.CA_FILE.toString(),
                "--timeout",
                Preflight.PROBE_TIMEOUT.toSeconds() + "s")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      awaitLine(log, ": run 1: READY", Duration.ofSeconds(90));
      lab.fault("tcp-reset", Lab.BLOCKING_HOST);
      awaitLine(log, ": run 2: BLOCKED", INTERVAL.multipliedBy(2).plusSeconds(60));

      String page = curl("/");
      String metrics = curl("/metrics");
      String history = curl("/api/history");
      System.out.printf("[lab] faults: %s; serve: %s%n", lab.faults(), lines(log));

      assertThat(page)
          .contains("<span id=\"verdict\" class=\"BLOCKED\">BLOCKED</span>")
          .contains(
              "status: <code>ztd-dds</code> https://ztd.dds.microsoft.com/ — PASS -&gt;"
                  + " FAIL TCP_REFUSED");
      assertThat(metrics)
          .contains("preflight_verdict{verdict=\"BLOCKED\"} 1.0")
          .contains(
              "preflight_endpoint_cause_info{cause=\"TCP_REFUSED\",host=\"ztd.dds.microsoft.com\"");
      assertThat(history)
          .containsPattern("\"id\" : 2,[^}]*\"verdict\" : \"BLOCKED\"")
          .containsPattern("\"id\" : 1,[^}]*\"verdict\" : \"READY\"")
          .contains("\"cause\" : \"TCP_REFUSED\"");
    } finally {
      serve.destroy();
      if (!serve.waitFor(10, TimeUnit.SECONDS)) {
        serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String curl(String path) throws IOException, InterruptedException {
    Process curl =
        new ProcessBuilder(
                "ip",
                "netns",
                "exec",
                Lab.CLIENT_NAMESPACE,
                "curl",
                "-s",
                "--max-time",
                "20",
                "http://127.0.0.1:" + PORT + path)
            .redirectErrorStream(true)
            .start();
    String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(curl.exitValue()).as("curl %s: %s", path, body).isZero();
    return body;
  }

  private static void awaitLine(Path log, String text, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!lines(log).contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' within " + limit + ":\n" + lines(log));
      }
      Thread.sleep(200);
    }
  }

  private static String lines(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.stream().filter(l -> l.startsWith("preflight")).toList());
  }
}
