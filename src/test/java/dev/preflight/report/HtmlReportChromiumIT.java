package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.Cause;
import dev.preflight.testing.HeadlessChromium;
import dev.preflight.testing.HeadlessChromium.Page;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.Judge;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTML report in Debian's headless Chromium, opened as a file the way a mailed attachment is:
 * it renders the verdict, the findings and the folded passes, the browser logs no console message
 * (a Content Security Policy violation would be one, so nothing is fetched), and the page is no
 * wider than a 1280 px window even with a 400-character URL in it. A control page that is too wide
 * proves the width is measured.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HtmlReportChromiumIT {
  private static final int WINDOW = 1280;
  private static final Pattern WIDTH = Pattern.compile("data-width=\"(\\d+)\"");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.preflight.report.RenderersGoldenTest#patterns")
  void theReportRendersOfflineWithoutConsoleMessages(String pattern, Supplier<Report> report)
      throws Exception {
    Path file = write(pattern + ".html", html(report.get()));

    Page page = load(file);

    assertThat(page.console()).isEmpty();
    assertThat(page.dom())
        .contains("Windows Autopilot network readiness: <span class=\"verdict BLOCKED\">")
        .contains("<li id=\"finding-1\">")
        .contains("<nav aria-label=\"Contents\">");
  }

  @Test
  void failuresAreShownAndPassesFoldedPerService() throws Exception {
    Page page = load(write("mixed.html", html(FailurePatterns.mixed())));

    String autopilot = section(page.dom(), "service-autopilot");
    assertThat(autopilot)
        .containsPattern("<td class=\"FAIL\">FAIL</td><td><code>https://ztd.dds.microsoft.com/")
        .containsPattern("<details><summary>1 endpoint passed</summary>");
    assertThat(autopilot.indexOf("<details>"))
        .isGreaterThan(autopilot.indexOf("https://ztd.dds.microsoft.com/"));
  }

  @Test
  void aLongUrlWrapsInsteadOfWideningThePage() throws Exception {
    Path file = write("long.html", html(longUrlReport()));

    assertThat(width(file)).isLessThanOrEqualTo(WINDOW);
    assertThat(load(file).console()).isEmpty();
  }

  @Test
  void aTooWidePageIsMeasuredAsTooWide() throws Exception {
    Path control =
        write(
            "control.html",
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<div style=\"width:3000px\">wide</div></body></html>");

    assertThat(width(control)).isGreaterThan(WINDOW);
  }

  private static Report longUrlReport() {
    String path = "/" + "segment-without-any-break-".repeat(16);
    Endpoint endpoint =
        Endpoint.builder(
                "long",
                "svc",
                "a-very-long-host-name-label-that-goes-on-and-on.example-of-a-long-zone.example.com",
                Protocol.HTTPS,
                List.of(443),
                Entries.SOURCE)
            .path(path)
            .scenarios(EnumSet.of(Scenario.USER_DRIVEN))
            .build();
    EndpointResult result =
        EndpointResult.problem(endpoint, Status.FAIL, Cause.TCP_TIMEOUT, "No answer from " + path)
            .withRoute("DIRECT");
    return Judge.judge(
        Report.Mode.CHECK,
        "0.1.0",
        Entries.catalog(List.of(endpoint)),
        List.of(Scenario.USER_DRIVEN),
        List.of(result),
        Environment.UNKNOWN,
        List.of(),
        Instant.parse("2026-11-26T10:00:00Z"),
        Duration.ofSeconds(5));
  }

  private static String html(Report report) throws IOException {
    return RenderersGoldenTest.render(new HtmlReportRenderer(), report);
  }

  private Path write(String name, String html) throws IOException {
    return Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
  }

  /**
   * The page's scroll width in a 1280 px window, measured by a copy of the page with a script that
   * writes it into the DOM (the report itself runs no script, and its policy forbids one).
   */
  private int width(Path page) throws Exception {
    String html =
        Files.readString(page, StandardCharsets.UTF_8)
            .replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
            .replace(
                "</body>",
                "<script>document.body.setAttribute('data-width',"
                    + " String(document.documentElement.scrollWidth))</script></body>");
    Page measured = load(write("measured-" + page.getFileName(), html));
    Matcher m = WIDTH.matcher(measured.dom());
    assertThat(m.find()).as("the measuring script ran: %s", measured.console()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String section(String dom, String id) {
    int start = dom.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section %s", id).isNotNegative();
    return dom.substring(start, dom.indexOf("</section>", start));
  }

  private Page load(Path file) throws Exception {
    return HeadlessChromium.load(
        dir, file.toUri().toString(), "--hide-scrollbars", "--window-size=" + WINDOW + ",900");
  }
}
