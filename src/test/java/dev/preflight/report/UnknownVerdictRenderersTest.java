package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How each format shows a network the tool could not judge. */
@Timeout(10)
class UnknownVerdictRenderersTest {
  private static String render(ReportRenderer renderer) throws IOException {
    StringWriter out = new StringWriter();
    Report report = FailurePatterns.unknown();
    renderer.render(report, out);
    return out.toString();
  }

  @Test
  void theTextReportEndsWithUnknownAndExitThree() throws IOException {
    String text = render(new TextReportRenderer(false));

    assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith(
            "Verdict: UNKNOWN (exit 3): an endpoint Autopilot needs could not be judged. 1 passed,"
                + " 0 failed (0 blocking), 0 warned, 1 skipped.");
    assertThat(text).contains("1 endpoint could not be judged (1 of them blocking");
  }

  @Test
  void theJsonVerdictIsUnknown() throws IOException {
    var root = new ObjectMapper().readTree(render(new JsonReportRenderer()));

    assertThat(root.get("verdict").asText()).isEqualTo("UNKNOWN");
    assertThat(root.get("services").get(0).get("endpoints").get(0).get("status").asText())
        .isEqualTo("SKIP");
  }

  @Test
  void junitCountsAnUnjudgedEndpointAsAnError() throws IOException {
    String xml = render(new JunitReportRenderer());

    assertThat(xml).contains("errors=\"1\"").contains("<error message=\"The PAC script failed");
    assertThat(xml).doesNotContain("<skipped");
  }

  @Test
  void markdownAndHtmlNameTheVerdict() throws IOException {
    assertThat(render(new MarkdownReportRenderer()))
        .startsWith("# Windows Autopilot network readiness: UNKNOWN")
        .contains("exit code 3");
    assertThat(render(new HtmlReportRenderer()))
        .contains("<span class=\"verdict UNKNOWN\">UNKNOWN</span>");
  }
}
