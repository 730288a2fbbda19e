package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.verdict.Report;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The JUnit report is valid against the Jenkins xUnit plugin's {@code junit-10.xsd} (its structure,
 * in {@code src/test/resources/junit/}) for every failure pattern, and every suite has the {@code
 * time}, {@code timestamp} and {@code hostname} its consumers chart. A report in the old shape,
 * with {@code skipped} on {@code testsuites}, is refused, so the validation can fail.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JunitSchemaTest {
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try {
      URL xsd = Objects.requireNonNull(JunitSchemaTest.class.getResource("/junit/junit-10.xsd"));
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void validate(String xml) throws SAXException, IOException {
    Validator validator = SCHEMA.newValidator();
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.preflight.report.RenderersGoldenTest#patterns")
  void everyPatternIsValidAgainstTheSchema(String pattern, Supplier<Report> report)
      throws Exception {
    validate(RenderersGoldenTest.render(new JunitReportRenderer(), report.get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.preflight.report.RenderersGoldenTest#patterns")
  void everySuiteHasTimeTimestampAndHostnameAndEveryEndpointIsATestcase(
      String pattern, Supplier<Report> supplier) throws Exception {
    Report report = supplier.get();
    Document doc = parse(RenderersGoldenTest.render(new JunitReportRenderer(), report));
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(report.services().size());
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      assertThat(suite.getAttribute("time")).matches("\\d+\\.\\d{3}");
      assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-26T10:00:00Z");
      assertThat(suite.getAttribute("hostname")).isEqualTo("build-bench-7");
    }
    assertThat(doc.getElementsByTagName("testcase").getLength())
        .isEqualTo(report.endpoints().size());
  }

  @Test
  void aFailureCarriesTheCauseWhatWasObservedAndTheRemedy() throws Exception {
    Document doc =
        parse(RenderersGoldenTest.render(new JunitReportRenderer(), FailurePatterns.allDns()));
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("DNS_NXDOMAIN");
    assertThat(failure.getTextContent())
        .contains(
            "DNS_NXDOMAIN: the name does not exist according to the resolver",
            "Observed: ztd.dds.microsoft.com does not exist according to 10.0.0.53:53.",
            "Remedy: Make the DNS servers handed out by DHCP resolve public names such as"
                + " ztd.dds.microsoft.com");
  }

  @Test
  void skippedOnTestsuitesIsRefused() {
    String old =
        "<testsuites tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">"
            + "<testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\">"
            + "<testcase name=\"c\"/></testsuite></testsuites>";
    assertThatThrownBy(() -> validate(old))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("skipped");
  }

  @Test
  void aTimeThatIsNotANumberIsRefused() {
    String nan =
        "<testsuites><testsuite name=\"s\" tests=\"0\" failures=\"0\" errors=\"0\" time=\"NaN\">"
            + "</testsuite></testsuites>";
    assertThatThrownBy(() -> validate(nan)).isInstanceOf(SAXException.class);
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
