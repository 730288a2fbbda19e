package dev.preflight.report;

import dev.preflight.catalog.Scenario;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A self-contained HTML page (inline style, no scripts, nothing fetched) to mail or attach: the
 * verdict, then one table per service with every endpoint, its cause, what was observed and what to
 * change. Every piece of text is escaped, so nothing a server sent can become markup.
 */
public final class HtmlReportRenderer implements ReportRenderer {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;"
          + "width:100%;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:4px 8px;"
          + "text-align:left;vertical-align:top}.PASS{color:#1a7f37}.WARN{color:#9a6700}"
          + ".FAIL{color:#cf222e;font-weight:bold}.SKIP{color:#57606a}"
          + ".READY{color:#1a7f37}.DEGRADED{color:#9a6700}.BLOCKED{color:#cf222e}"
          + ".UNKNOWN{color:#9a6700}";

  @Override
  public void render(Report report, Writer out) throws IOException {
    String scenarios =
        report.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", "));
    String verdict = report.verdict().name();
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<title>preflight: " + verdict + "</title>\n<style>" + STYLE + "</style>\n");
    out.write("</head>\n<body>\n");
    out.write("<h1>Windows Autopilot network readiness: <span class=\"" + verdict + "\">");
    out.write(verdict + "</span></h1>\n");
    out.write(
        "<p>preflight "
            + report.mode().id()
            + " for "
            + escape(scenarios)
            + ", started "
            + report.startedAt()
            + ", exit code "
            + report.verdict().exitCode()
            + ".</p>\n");
    for (ServiceResult service : report.services()) {
      service(service, out);
    }
    warnings(report, out);
    out.write("</body>\n</html>\n");
    out.flush();
  }

  private static void service(ServiceResult service, Writer out) throws IOException {
    out.write(
        "<h2>"
            + escape(Shown.text(service.service().name()))
            + " <span class=\""
            + service.status()
            + "\">"
            + service.status()
            + "</span> ("
            + service.impact().name().toLowerCase(Locale.ROOT)
            + ")</h2>\n");
    out.write("<table>\n<tr><th>Status</th><th>Endpoint</th><th>Cause</th><th>Route</th>");
    out.write("<th>Observed</th><th>Remedy</th></tr>\n");
    for (EndpointResult e : service.endpoints()) {
      out.write("<tr><td class=\"" + e.status() + "\">" + e.status() + "</td>");
      out.write("<td><code>" + escape(e.endpoint().target()) + "</code></td>");
      out.write("<td>" + (e.cause() == null ? "" : e.cause().name()) + "</td>");
      out.write("<td>" + escape(Shown.orNull(e.route())) + "</td>");
      out.write("<td>" + escape(Shown.text(e.detail())) + "</td>");
      out.write("<td>" + escape(Shown.orNull(e.remedy())) + "</td></tr>\n");
    }
    out.write("</table>\n");
  }

  private static void warnings(Report report, Writer out) throws IOException {
    if (report.warnings().isEmpty()) {
      return;
    }
    out.write("<h2>Warnings</h2>\n<ul>\n");
    for (String warning : report.warnings()) {
      out.write("<li>" + escape(Shown.text(warning)) + "</li>\n");
    }
    out.write("</ul>\n");
  }

  /** Text as HTML character data or attribute value; null becomes empty. */
  static String escape(@Nullable String text) {
    return Markup.html(text);
  }
}
