package dev.preflight.report;

import static dev.preflight.report.HtmlReportRenderer.escape;

import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * One service of the HTML report: a table of the endpoints that did not pass, each pointing to its
 * finding, and the passing endpoints folded into a {@code <details>} element.
 */
final class HtmlServices {
  private HtmlServices() {}

  /** The fragment id of a service's section. */
  static String anchor(ServiceResult service) {
    return anchor(service.service().id());
  }

  static String anchor(String serviceId) {
    return escape("service-" + serviceId);
  }

  static void service(ServiceResult service, FindingNumbers numbers, Writer out)
      throws IOException {
    out.write("<section id=\"" + anchor(service) + "\">\n<h3>" + escape(service.service().name()));
    out.write(" <span class=\"" + service.status() + "\">" + service.status() + "</span> (");
    out.write(service.impact().name().toLowerCase(Locale.ROOT) + ")</h3>\n");
    List<EndpointResult> problems =
        service.endpoints().stream().filter(e -> e.status() != Status.PASS).toList();
    List<EndpointResult> passed =
        service.endpoints().stream().filter(e -> e.status() == Status.PASS).toList();
    if (!problems.isEmpty()) {
      problems(problems, numbers, out);
    }
    if (!passed.isEmpty()) {
      out.write(
          "<details><summary>"
              + passed.size()
              + (passed.size() == 1 ? " endpoint" : " endpoints")
              + " passed</summary>\n");
      passes(passed, out);
      out.write("</details>\n");
    }
    out.write("</section>\n");
  }

  private static void problems(List<EndpointResult> problems, FindingNumbers numbers, Writer out)
      throws IOException {
    out.write("<table>\n<colgroup><col class=\"status\"><col><col class=\"cause\">");
    out.write("<col class=\"route\"><col><col class=\"finding\"></colgroup>\n");
    out.write("<tr><th>Status</th><th>Endpoint</th><th>Cause</th><th>Route</th>");
    out.write("<th>Observed</th><th>Finding</th></tr>\n");
    for (EndpointResult e : problems) {
      Integer finding = numbers.of(e);
      out.write("<tr><td class=\"" + e.status() + "\">" + e.status() + "</td>");
      out.write("<td><code>" + escape(e.endpoint().target()) + "</code></td>");
      out.write("<td>" + (e.cause() == null ? "" : e.cause().name()) + "</td>");
      out.write("<td>" + escape(e.route()) + "</td>");
      out.write("<td>" + escape(e.detail()) + "</td>");
      out.write(
          "<td>"
              + (finding == null ? "" : "<a href=\"#finding-" + finding + "\">" + finding + "</a>")
              + "</td></tr>\n");
    }
    out.write("</table>\n");
  }

  private static void passes(List<EndpointResult> passed, Writer out) throws IOException {
    out.write("<table>\n<colgroup><col><col class=\"route\"><col class=\"time\"></colgroup>\n");
    out.write("<tr><th>Endpoint</th><th>Route</th><th>Time</th></tr>\n");
    for (EndpointResult e : passed) {
      Long total = e.timings().totalMs();
      out.write("<tr><td><code>" + escape(e.endpoint().target()) + "</code></td>");
      out.write("<td>" + escape(e.route()) + "</td>");
      out.write("<td>" + (total == null ? "" : total + " ms") + "</td></tr>\n");
    }
    out.write("</table>\n");
  }
}
