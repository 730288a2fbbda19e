package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.testing.Golden;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root-cause summary and the environment in every human format and in JSON, against golden
 * files in {@code src/test/resources/golden/report/}, for each failure pattern of {@link
 * FailurePatterns}. To change a golden file deliberately, run with {@code -Dgolden.update=true} and
 * review the diff.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RenderersGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static String render(ReportRenderer renderer, Report report) throws IOException {
    StringWriter out = new StringWriter();
    renderer.render(report, out);
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  static Stream<Arguments> patternsAndFormats() {
    List<Arguments> cases = new java.util.ArrayList<>();
    for (Arguments pattern : patterns().toList()) {
      for (String format : List.of("txt", "md", "html", "json")) {
        cases.add(Arguments.of(pattern.get()[0], pattern.get()[1], format));
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> patterns() {
    return Stream.of(
        Arguments.of("all-dns", (Supplier<Report>) FailurePatterns::allDns),
        Arguments.of("all-407", (Supplier<Report>) FailurePatterns::all407),
        Arguments.of("all-intercepted", (Supplier<Report>) FailurePatterns::allIntercepted),
        Arguments.of("mixed", (Supplier<Report>) FailurePatterns::mixed));
  }

  @ParameterizedTest(name = "{0}.{2}")
  @MethodSource("patternsAndFormats")
  void eachFormatMatchesItsGolden(String pattern, Supplier<Report> report, String format)
      throws IOException {
    ReportRenderer renderer =
        switch (format) {
          case "txt" -> new TextReportRenderer(false);
          case "md" -> new MarkdownReportRenderer();
          case "html" -> new HtmlReportRenderer();
          default -> new JsonReportRenderer();
        };
    Golden.assertMatches("report/" + pattern + "." + format, render(renderer, report.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patterns")
  void theSummaryComesBeforeThePerServiceDetailInEveryHumanFormat(
      String pattern, Supplier<Report> supplier) throws IOException {
    Report report = supplier.get();
    String firstService = report.services().get(0).service().name();
    String text = render(new TextReportRenderer(false), report);
    assertThat(text.indexOf("Findings")).isPositive().isLessThan(text.indexOf(firstService));
    assertThat(text.indexOf("Environment:")).isLessThan(text.indexOf(firstService));
    String markdown = render(new MarkdownReportRenderer(), report);
    assertThat(markdown.indexOf("## Findings")).isLessThan(markdown.indexOf("## Services"));
    String html = render(new HtmlReportRenderer(), report);
    assertThat(html.indexOf("id=\"findings\"")).isLessThan(html.indexOf("id=\"services\""));
    assertThat(html.indexOf("id=\"environment\"")).isLessThan(html.indexOf("id=\"services\""));
  }

  @Test
  void aDnsServerThatResolvesNoPublicNameIsOneFindingSayingSo() throws IOException {
    String text = render(new TextReportRenderer(false), FailurePatterns.allDns());
    assertThat(text)
        .contains(
            "  1. FAIL (blocking) DNS_NXDOMAIN on 6 of 6 endpoints, every name this machine looked"
                + " up: DNS (10.0.0.53:53) answers that none of them exists, so it does not resolve"
                + " public names")
        .doesNotContain("  2. ");
    JsonNode findings = JSON.readTree(render(new JsonReportRenderer(), FailurePatterns.allDns()));
    assertThat(findings.get("findings")).hasSize(1);
    assertThat(findings.get("findings").get(0).get("endpoints"))
        .extracting(JsonNode::asText)
        .containsExactly("ztd", "cs", "enroll", "login", "wu", "time");
  }

  @Test
  void aProxyDemandingAuthenticationForEverythingIsOneFindingNamingTheProxy() throws IOException {
    JsonNode root = JSON.readTree(render(new JsonReportRenderer(), FailurePatterns.all407()));
    assertThat(root.get("findings")).hasSize(1);
    JsonNode finding = root.get("findings").get(0);
    assertThat(finding.get("cause").asText()).isEqualTo("HTTP_PROXY_AUTH_REQUIRED");
    assertThat(finding.get("summary").asText())
        .startsWith(
            "HTTP_PROXY_AUTH_REQUIRED on 5 of 6 endpoints through PROXY proxy.corp:3128, every"
                + " HTTP request:");
    assertThat(finding.get("remedy").asText())
        .isEqualTo(
            "Let ztd.dds.microsoft.com, cs.dds.microsoft.com and 3 more through the proxy"
                + " proxy.corp:3128 without authentication: devices in OOBE have no credentials.");
  }

  @Test
  void inspectionOfEveryHandshakeIsOneFindingWithOneRemedyPerKindOfEndpoint() throws IOException {
    JsonNode root =
        JSON.readTree(render(new JsonReportRenderer(), FailurePatterns.allIntercepted()));
    assertThat(root.get("findings")).hasSize(1);
    JsonNode finding = root.get("findings").get(0);
    assertThat(finding.get("summary").asText())
        .contains("every TLS handshake: every chain ends at CN=Zscaler Root CA");
    assertThat(finding.get("remedy").asText())
        .isEqualTo(
            "Exempt ztd.dds.microsoft.com and cs.dds.microsoft.com from TLS inspection on the"
                + " Zscaler inspection policy (bypass or splice it). Exempt *.manage.microsoft.com"
                + " and login.microsoftonline.com from TLS inspection on the Zscaler inspection"
                + " policy; Microsoft does not support inspecting it.");
  }

  @Test
  void mixedCausesAreFindingsInOrderOfConsequence() throws IOException {
    JsonNode root = JSON.readTree(render(new JsonReportRenderer(), FailurePatterns.mixed()));
    assertThat(root.get("findings"))
        .extracting(f -> f.get("cause").asText() + " " + f.get("status").asText())
        .containsExactly(
            "TCP_REFUSED FAIL", "TLS_INTERCEPTED FAIL", "NTP_TIMEOUT FAIL", "TCP_TIMEOUT WARN");
    assertThat(root.get("findings").get(0).get("summary").asText())
        .isEqualTo("TCP_REFUSED on 2 of 7 endpoints: the connection was actively refused (RST).");
  }

  @Test
  void analyzeShowsNoNetworkContextButTheMachineAndCatalog() throws IOException {
    String text = render(new TextReportRenderer(false), FailurePatterns.mixedAnalyze());
    assertThat(text)
        .startsWith("preflight analyze, started")
        .containsPattern("Traffic +none: the configuration was evaluated offline")
        .contains("build-bench-7")
        .doesNotContain("DNS servers", "Proxy", "Clock");
  }

  @Test
  void colouredTextDiffersFromPlainTextOnlyByEscapeSequences() throws IOException {
    String coloured = render(new TextReportRenderer(true), FailurePatterns.mixed());
    Golden.assertMatches("report/mixed.ansi.txt", coloured);
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", ""))
        .isEqualTo(render(new TextReportRenderer(false), FailurePatterns.mixed()));
    assertThat(render(new TextReportRenderer(false), FailurePatterns.mixed()))
        .doesNotContain("\u001b");
  }

  @Test
  void theVerdictIsTheFirstAndTheLastLineOfTheTextReport() throws IOException {
    List<String> lines =
        render(new TextReportRenderer(false), FailurePatterns.mixed()).strip().lines().toList();
    assertThat(lines.get(2)).startsWith("Verdict: BLOCKED (exit 2): Autopilot would fail.");
    assertThat(lines.get(lines.size() - 1)).isEqualTo(lines.get(2));
  }
}
