package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real Prometheus and promtool against serve: promtool accepts the shipped configuration,
 * rules (and their unit tests) and what {@code /metrics} serves; a Prometheus on loopback scraping
 * serve every second stores the verdict and the endpoint series with the values of the last run.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PrometheusIT {
  private static final Path MONITORING = Path.of("monitoring");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;
  private ServeFixture serve;
  private Process prometheus;

  @AfterEach
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (serve != null) {
      serve.close();
    }
  }

  @Test
  void promtoolAcceptsTheShippedConfigurationAndRules() throws Exception {
    assertThat(run("promtool", "check", "config", MONITORING.resolve("prometheus.yml").toString()))
        .contains("SUCCESS");
    assertThat(
            run("promtool", "check", "rules", MONITORING.resolve("preflight-rules.yml").toString()))
        .contains("SUCCESS: 5 rules found");
    assertThat(
            run(
                "promtool",
                "test",
                "rules",
                MONITORING.resolve("preflight-rules.test.yml").toString()))
        .contains("SUCCESS");
  }

  @Test
  void promtoolAcceptsWhatMetricsServes() throws Exception {
    serve = new ServeFixture(dir, Duration.ofHours(1), Access.open());
    serve.awaitRuns(1, Duration.ofSeconds(60));
    Path metrics = Files.writeString(dir.resolve("metrics.txt"), serve.get("/metrics").body());

    Process promtool =
        new ProcessBuilder("promtool", "check", "metrics")
            .redirectInput(metrics.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(promtool.exitValue()).as(output).isZero();
    assertThat(Files.readString(metrics)).contains("preflight_verdict{verdict=\"BLOCKED\"} 1.0");
  }

  @Test
  void prometheusScrapesTheVerdictAndTheEndpoints() throws Exception {
    serve = new ServeFixture(dir, Duration.ofHours(1), Access.open());
    serve.awaitRuns(1, Duration.ofSeconds(60));
    int port = freePort();
    Path config =
        Files.writeString(
            dir.resolve("prometheus.yml"),
            """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: preflight
                static_configs:
                  - targets: ["127.0.0.1:%d"]
            """
                .formatted(serve.monitor.address().getPort()));
    prometheus =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    String api = "http://127.0.0.1:" + port + "/api/v1/";

    awaitTargetUp(api);
    JsonNode verdict = awaitResult(api, "preflight_verdict == 1");
    JsonNode closed = awaitResult(api, "preflight_endpoint_up{id=\"lab-closed\"}");
    JsonNode cause = awaitResult(api, "preflight_endpoint_cause_info{id=\"lab-closed\"}");

    assertThat(verdict.get(0).get("metric").get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(closed.get(0).get("value").get(1).asText()).isEqualTo("0");
    assertThat(closed.get(0).get("metric").get("impact").asText()).isEqualTo("DEGRADED");
    assertThat(cause.get(0).get("metric").get("cause").asText()).isEqualTo("TCP_REFUSED");
    assertThat(
            awaitResult(api, "preflight_endpoint_up{id=\"lab-open\"}")
                .get(0)
                .get("value")
                .get(1)
                .asText())
        .isEqualTo("1");
  }

  private void awaitTargetUp(String api) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      JsonNode targets = get(api + "targets");
      if (targets != null
          && targets.path("data").path("activeTargets").findValuesAsText("health").contains("up")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "Prometheus never reported serve up:\n" + Files.readString(dir.resolve("prometheus.log")));
  }

  private JsonNode awaitResult(String api, String query) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      JsonNode answer =
          get(api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
      if (answer != null && answer.path("data").path("result").size() > 0) {
        return answer.path("data").path("result");
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no result for " + query);
  }

  private static JsonNode get(String url) throws InterruptedException {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null; // not listening yet
    }
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
