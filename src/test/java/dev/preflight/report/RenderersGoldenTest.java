package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.testing.Golden;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The renderers against golden files in {@code src/test/resources/golden/}. To change a golden file
 * deliberately, run with {@code -Dgolden.update=true} and review the diff.
 */
class RenderersGoldenTest {
  private static String render(ReportRenderer renderer) throws IOException {
    StringWriter out = new StringWriter();
    renderer.render(SampleReports.blocked(), out);
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void textReportMatchesGolden() throws IOException {
    Golden.assertMatches("check-blocked.txt", render(new TextReportRenderer(false)));
  }

  @Test
  void colouredTextReportMatchesGolden() throws IOException {
    String coloured = render(new TextReportRenderer(true));
    Golden.assertMatches("check-blocked.ansi.txt", coloured);
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", ""))
        .isEqualTo(render(new TextReportRenderer(false)));
  }

  @Test
  void plainTextHasNoEscapeSequences() throws IOException {
    assertThat(render(new TextReportRenderer(false))).doesNotContain("\u001b");
  }

  @Test
  void textPutsFailingServicesFirstAndTheVerdictLast() throws IOException {
    String text = render(new TextReportRenderer(false));
    assertThat(text.indexOf("Service autopilot")).isLessThan(text.indexOf("Service update"));
    assertThat(text.indexOf("Service update")).isLessThan(text.indexOf("Service ad"));
    assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("Verdict: BLOCKED (exit 2)");
  }

  @Test
  void analyzeTextSaysNoTrafficWasSentInsteadOfTheNetworkContext() throws IOException {
    Report check = SampleReports.blocked();
    Report analyze =
        new Report(
            Report.Mode.ANALYZE,
            check.toolVersion(),
            check.startedAt(),
            check.duration(),
            check.scenarios(),
            check.verdict(),
            Environment.UNKNOWN,
            List.of(),
            check.services());
    StringWriter out = new StringWriter();
    new TextReportRenderer(false).render(analyze, out);
    assertThat(out.toString())
        .contains("preflight analyze for", "Offline evaluation: no traffic was sent.")
        .doesNotContain("Proxy:", "DNS servers:", "Clock:");
  }

  @Test
  void jsonReportMatchesGoldenAndTheContractShape() throws IOException {
    String json = render(new JsonReportRenderer());
    Golden.assertMatches("check-blocked.json", json);
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("verdict").asText()).isEqualTo("BLOCKED");
    assertThat(root.get("environment").get("clockOffsetMs").asLong()).isEqualTo(2000);
    JsonNode ztd = root.get("services").get(0).get("endpoints").get(0);
    assertThat(ztd.get("cause").asText()).isEqualTo("TLS_INTERCEPTED");
    assertThat(ztd.get("route").asText()).isEqualTo("PROXY proxy.corp:3128");
    assertThat(ztd.get("timings").get("httpMs").isNull()).isTrue();
    JsonNode source = root.get("environment").get("proxySource");
    assertThat(source.get("source").asText()).isEqualTo("device");
    assertThat(source.get("pac").asText()).isEqualTo("http://wpad.corp.example/wpad.dat");
    assertThat(source.get("wpadCandidates").get(0).asText())
        .isEqualTo("http://wpad.corp.example/wpad.dat");
    assertThat(source.get("routes").get(0).get("route").asText())
        .isEqualTo("PROXY proxy.corp:3128");
    assertThat(source.get("routes").get(0).get("endpoints").asInt()).isEqualTo(3);
  }
}
