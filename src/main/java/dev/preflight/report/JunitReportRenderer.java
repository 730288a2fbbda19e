package dev.preflight.report;

import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * JUnit XML, the format CI servers already chart, valid against the Jenkins xUnit plugin's {@code
 * junit-10.xsd}: one {@code testsuite} per service with its {@code time}, {@code timestamp} and
 * {@code hostname}, one {@code testcase} per endpoint. FAIL is a {@code failure} whose type is the
 * cause code and whose text is what was observed and what to change; SKIP is {@code skipped},
 * except an endpoint that could not be judged, which is an {@code error} (the test could not run);
 * WARN passes but carries its cause in {@code system-out}, since JUnit has no warning.
 *
 * <p>The probes of a run go out at once, so a suite takes as long as its slowest endpoint and the
 * whole report as long as the run: those are the {@code time} attributes.
 */
public final class JunitReportRenderer implements ReportRenderer {
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  @Override
  public void render(Report report, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "preflight " + report.mode().id() + ": " + report.verdict());
      List<EndpointResult> all = report.endpoints();
      xml.writeAttribute("tests", Integer.toString(all.size()));
      xml.writeAttribute("failures", Long.toString(count(all, Status.FAIL)));
      xml.writeAttribute(
          "errors", Long.toString(all.stream().filter(EndpointResult::unjudged).count()));
      xml.writeAttribute("time", seconds(report.duration().toMillis()));
      xml.writeCharacters("\n");
      for (ServiceResult service : report.services()) {
        suite(xml, service, report);
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
    }
  }

  private static void suite(XMLStreamWriter xml, ServiceResult service, Report report)
      throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", clean(service.service().name()));
    xml.writeAttribute("id", clean(service.service().id()));
    counts(xml, service.endpoints());
    xml.writeAttribute("time", seconds(slowest(service.endpoints())));
    xml.writeAttribute("timestamp", report.startedAt().toString());
    String machine = report.environment().machine();
    xml.writeAttribute("hostname", clean(machine == null ? "localhost" : machine));
    xml.writeCharacters("\n");
    for (EndpointResult e : service.endpoints()) {
      testcase(xml, service, e);
    }
    xml.writeCharacters("  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void testcase(XMLStreamWriter xml, ServiceResult service, EndpointResult e)
      throws XMLStreamException {
    xml.writeCharacters("    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", clean(service.service().id()));
    xml.writeAttribute("name", clean(e.endpoint().id() + " " + e.endpoint().target()));
    Long total = e.timings().totalMs();
    xml.writeAttribute("time", seconds(total == null ? 0 : total));
    String text =
        (e.cause() == null ? "" : e.cause().name() + ": " + e.cause().meaning() + "\n")
            + "Observed: "
            + e.detail()
            + (e.remedy() == null ? "" : "\nRemedy: " + e.remedy());
    switch (e.status()) {
      case FAIL -> child(xml, "failure", e, text);
      case SKIP -> child(xml, e.unjudged() ? "error" : "skipped", e, null);
      case WARN -> child(xml, "system-out", null, "WARN " + text);
      case PASS -> {}
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void child(
      XMLStreamWriter xml, String element, @Nullable EndpointResult e, @Nullable String text)
      throws XMLStreamException {
    xml.writeStartElement(element);
    if (e != null) {
      String cause = e.cause() == null ? "" : e.cause().name();
      xml.writeAttribute(
          "message", clean(cause.isEmpty() ? e.detail() : cause + ": " + e.detail()));
      if (!cause.isEmpty()) {
        xml.writeAttribute("type", cause);
      }
    }
    if (text != null) {
      xml.writeCharacters(clean(text));
    }
    xml.writeEndElement();
  }

  private static void counts(XMLStreamWriter xml, List<EndpointResult> endpoints)
      throws XMLStreamException {
    xml.writeAttribute("tests", Integer.toString(endpoints.size()));
    xml.writeAttribute("failures", Long.toString(count(endpoints, Status.FAIL)));
    long unjudged = endpoints.stream().filter(EndpointResult::unjudged).count();
    xml.writeAttribute("skipped", Long.toString(count(endpoints, Status.SKIP) - unjudged));
    xml.writeAttribute("errors", Long.toString(unjudged));
  }

  private static long slowest(List<EndpointResult> endpoints) {
    return endpoints.stream()
        .map(e -> e.timings().totalMs())
        .filter(java.util.Objects::nonNull)
        .mapToLong(Long::longValue)
        .max()
        .orElse(0);
  }

  private static long count(List<EndpointResult> endpoints, Status status) {
    return endpoints.stream().filter(e -> e.status() == status).count();
  }

  private static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Drops the characters XML 1.0 cannot carry at all, which no escaping can fix. */
  static String clean(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }
}
