package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * serve's HTTP side against real checks on loopback: metrics, report, history, dashboard, /probe.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeHttpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "a-test-token-0123456789";

  @TempDir Path dir;
  private ServeFixture serve;

  @AfterEach
  void stop() throws IOException {
    if (serve != null) {
      serve.close();
    }
  }

  private ServeFixture start(Duration interval, Access access) throws Exception {
    serve = new ServeFixture(dir, interval, access);
    serve.awaitRuns(1, Duration.ofSeconds(60));
    return serve;
  }

  @Test
  void metricsShowTheLastRunThroughTheOfficialClient() throws Exception {
    start(Duration.ofHours(1), Access.open());

    HttpResponse<String> metrics = serve.get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body())
        .contains("preflight_verdict{verdict=\"BLOCKED\"} 1.0\n")
        .contains("preflight_verdict{verdict=\"READY\"} 0.0\n")
        .contains(
            "preflight_endpoint_up{host=\"127.0.0.1\",id=\"lab-open\",impact=\"BLOCKING\","
                + "protocol=\"tcp\",service=\"lab\"} 1.0\n")
        .contains(
            "preflight_endpoint_up{host=\"127.0.0.1\",id=\"lab-closed\",impact=\"DEGRADED\","
                + "protocol=\"tcp\",service=\"lab\"} 0.0\n")
        .contains(
            "preflight_endpoint_cause_info{cause=\"TCP_REFUSED\",host=\"127.0.0.1\","
                + "id=\"lab-closed\"")
        .contains(
            "preflight_endpoint_cause_info{cause=\"DNS_NXDOMAIN\",host=\"ztd.dds.microsoft.com\"")
        .contains("preflight_runs_skipped_total 0.0\n")
        .contains("jvm_memory_used_bytes{area=\"heap\"}")
        .contains("process_cpu_seconds_total");
  }

  @Test
  void apiReportIsTheContractJsonAndHistoryListsTheRun() throws Exception {
    start(Duration.ofHours(1), Access.open());

    JsonNode report = JSON.readTree(serve.get("/api/report").body());
    JsonNode history = JSON.readTree(serve.get("/api/history").body());

    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("mode").asText()).isEqualTo("check");
    assertThat(report.get("verdict").asText()).isEqualTo("BLOCKED");
    JsonNode run = history.get("runs").get(0);
    assertThat(run.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(Instant.parse(run.get("startedAt").asText()))
        .isEqualTo(Instant.parse(report.get("startedAt").asText()).truncatedTo(ChronoUnit.MILLIS));
    assertThat(run.get("problems").findValuesAsText("id")).contains("lab-closed", "ztd-dds");
    assertThat(serve.get("/api/history?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void aFaultBetweenTwoRunsShowsInMetricsAndHistory() throws Exception {
    start(Duration.ofHours(1), Access.open());
    serve.breakOpen();
    serve.monitor.runOnce();

    assertThat(serve.get("/metrics").body())
        .contains(
            "preflight_endpoint_cause_info{cause=\"TCP_REFUSED\",host=\"127.0.0.1\","
                + "id=\"lab-open\"");
    JsonNode newest = JSON.readTree(serve.get("/api/history").body()).get("runs");
    assertThat(newest.get(0).get("problems").findValuesAsText("id")).contains("lab-open");
    assertThat(newest.get(1).get("problems").findValuesAsText("id")).doesNotContain("lab-open");
  }

  @Test
  void startsDueWhileARunIsGoingAreSkippedAndCounted() throws Exception {
    // Runs take 2 s (lab-silent never answers) with a 1 s interval.
    start(Duration.ofSeconds(1), Access.open());
    serve.awaitRuns(2, Duration.ofSeconds(60));

    assertThat(serve.get("/metrics").body())
        .containsPattern("preflight_runs_skipped_total [1-9]")
        .doesNotContain("preflight_runs_skipped_total 0.0");
  }

  @Test
  void theDashboardSaysWhatChangedAndEscapesReportText() throws Exception {
    start(Duration.ofHours(1), Access.open());
    serve.breakOpen();
    serve.monitor.runOnce();
    String page = serve.get("/").body();

    assertThat(page)
        .contains("<span id=\"verdict\" class=\"BLOCKED\">BLOCKED</span>")
        .contains("Changed since the previous run")
        .containsPattern(
            "status: <code>lab-open</code> tcp://127.0.0.1:\\d+ — PASS -&gt; FAIL TCP_REFUSED")
        .contains("&lt;b&gt;Loopback&lt;/b&gt; lab &amp; friends")
        .doesNotContain("<b>Loopback")
        .contains("<table id=\"history\">");
    assertThat(serve.get("/").headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'none'; style-src 'unsafe-inline'");
  }

  @ParameterizedTest(name = "[{index}] /probe{0}")
  @ValueSource(
      strings = {
        "?target=http://127.0.0.1:%d/",
        "?target=127.0.0.1:%d",
        "?target=127.0.0.1",
        "?target=unknown-entry",
        "?target=",
        "",
        "?target=lab-open&module=tcp",
        "?target=lab-open&target=lab-closed",
        "?target=lab-open&scenario=everything",
        "?target=%%E2%%80%%AElab-open"
      })
  void probeRefusesAnythingButACatalogIdAndConnectsNowhere(String query) throws Exception {
    start(Duration.ofHours(1), Access.open());
    int accepted = serve.accepted();
    int queries = serve.dns.queries();

    HttpResponse<String> answer =
        serve.get("/probe" + query.formatted(serve.monitor.address().getPort()));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body().lines().count()).isEqualTo(1);
    assertThat(serve.accepted()).isEqualTo(accepted);
    assertThat(serve.dns.queries()).isEqualTo(queries);
  }

  @Test
  void probeOfACatalogIdRunsThatEntryNow() throws Exception {
    start(Duration.ofHours(1), Access.open());
    int accepted = serve.accepted();

    HttpResponse<String> answer = serve.get("/probe?target=lab-open");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .contains("preflight_endpoint_up{host=\"127.0.0.1\",id=\"lab-open\"")
        .doesNotContain("lab-closed")
        .doesNotContain("jvm_");
    assertThat(serve.accepted()).isEqualTo(accepted + 1);
  }

  @Test
  void probesBeyondTheLimitAreRefusedNotQueued() throws Exception {
    start(Duration.ofHours(1), Access.open());

    List<CompletableFuture<HttpResponse<String>>> answers =
        IntStream.range(0, 16)
            .mapToObj(
                i -> CompletableFuture.supplyAsync(() -> serve.get("/probe?target=lab-silent")))
            .toList();
    List<Integer> statuses = answers.stream().map(f -> f.join().statusCode()).toList();

    assertThat(statuses).contains(429);
    assertThat(statuses.stream().filter(s -> s == 200).count())
        .isBetween(1L, (long) ProbeLimiter.BURST);
  }

  @Test
  void withATokenEveryPathNeedsIt() throws Exception {
    start(Duration.ofHours(1), Access.token(TOKEN, false));
    int accepted = serve.accepted();

    for (String path :
        List.of("/", "/metrics", "/api/report", "/api/history", "/probe?target=lab-open")) {
      assertThat(serve.get(path).statusCode()).as(path).isEqualTo(401);
      assertThat(serve.get(path, "Authorization", "Bearer wrong-token-0123456789").statusCode())
          .as(path)
          .isEqualTo(401);
    }
    assertThat(serve.accepted()).as("no probe without the token").isEqualTo(accepted);
    assertThat(serve.get("/").headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(serve.get("/api/history", "Authorization", "Bearer " + TOKEN).statusCode())
        .isEqualTo(200);
  }

  @Test
  void publicMetricsNeedNoTokenButTheRestStillDoes() throws Exception {
    start(Duration.ofHours(1), Access.token(TOKEN, true));

    assertThat(serve.get("/metrics").statusCode()).isEqualTo(200);
    assertThat(serve.get("/").statusCode()).isEqualTo(401);
  }

  @Test
  void onlyBoundedGetRequestsAreAnswered() throws Exception {
    start(Duration.ofHours(1), Access.open());

    HttpRequest post =
        HttpRequest.newBuilder(serve.uri("/"))
            .POST(HttpRequest.BodyPublishers.ofString("x"))
            .build();
    HttpRequest getWithBody =
        HttpRequest.newBuilder(serve.uri("/api/history"))
            .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(100)))
            .build();

    assertThat(serve.send(post).statusCode()).isEqualTo(405);
    assertThat(serve.send(getWithBody).statusCode()).isEqualTo(413);
    assertThat(serve.get("/nowhere").statusCode()).isEqualTo(404);
    assertThat(serve.get("/?" + "a".repeat(3000)).statusCode()).isEqualTo(414);
  }

  @Test
  void aRestartKeepsTheHistoryAndComparesWithTheLastRunBeforeIt() throws Exception {
    start(Duration.ofHours(1), Access.open());
    long before = JSON.readTree(serve.get("/api/history").body()).get("runs").size();
    serve.close();

    serve = new ServeFixture(dir, Duration.ofHours(1), Access.open());
    JsonNode restored = JSON.readTree(serve.get("/api/report").body());
    serve.awaitRuns(1, Duration.ofSeconds(60));

    assertThat(restored.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(JSON.readTree(serve.get("/api/history").body()).get("runs").size())
        .isEqualTo(before + 1);
    assertThat(serve.get("/").body()).contains("Verdict: BLOCKED -&gt; BLOCKED (same)");
  }
}
