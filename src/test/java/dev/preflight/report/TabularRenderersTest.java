package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The CSV and JUnit renderers against golden files in {@code src/test/resources/golden/report/}
 * (update deliberately with {@code -Dgolden.update=true}), and the escaping of hostile text in the
 * markup formats.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TabularRenderersTest {
  private static String render(ReportRenderer renderer) throws IOException {
    StringWriter out = new StringWriter();
    renderer.render(FailurePatterns.mixed(), out);
    return out.toString();
  }

  @Test
  void csvMatchesGolden() throws IOException {
    Golden.assertMatches("report/mixed.csv", render(new CsvReportRenderer()));
  }

  @Test
  void csvHasOneRowPerEndpointAfterTheHeader() throws IOException {
    String csv = render(new CsvReportRenderer());
    assertThat(csv.split("\r\n", -1))
        .hasSize(FailurePatterns.mixed().endpoints().size() + 2)
        .startsWith(String.join(",", CsvReportRenderer.COLUMNS));
  }

  @Test
  void markdownTextCannotBreakTheTableOrInjectMarkup() {
    assertThat(MarkdownReportRenderer.inline("a|b\n<script>*x*_y_`z`[l](u)"))
        .isEqualTo("a|b &lt;script&gt;\\*x\\*\\_y\\_\\`z\\`\\[l](u)");
  }

  @Test
  void junitMatchesGolden() throws IOException {
    Golden.assertMatches("report/mixed.junit.xml", render(new JunitReportRenderer()));
  }

  @Test
  void junitParsesAndCountsFailuresAndSkips() throws Exception {
    String xml = render(new JunitReportRenderer());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    var report = FailurePatterns.mixed();
    long failed =
        report.endpoints().stream()
            .filter(e -> e.status() == dev.preflight.verdict.Status.FAIL)
            .count();
    assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(report.endpoints().size()));
    assertThat(root.getAttribute("failures")).isEqualTo(Long.toString(failed));
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(failed);
    assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("TLS_INTERCEPTED");
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void junitDropsCharactersXmlCannotCarry() {
    assertThat(JunitReportRenderer.clean("a\u0000b\u0007c\td\uFFFEe")).isEqualTo("abc\tde");
  }

  @Test
  void htmlEscapesEverythingAServerCouldSend() {
    assertThat(HtmlReportRenderer.escape("<img src=x onerror=\"a('b')\"> & more"))
        .isEqualTo("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; more");
  }
}
