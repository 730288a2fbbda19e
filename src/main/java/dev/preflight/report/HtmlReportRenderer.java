package dev.preflight.report;

import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Verdict;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * A self-contained HTML page to mail or attach: one file with its style inline, no script, nothing
 * fetched (its Content Security Policy forbids anything else), readable offline and printable. The
 * verdict and the counts come first, then a table of contents by service, the findings with their
 * remedies, the warnings and the environment; then each service, with the endpoints that did not
 * pass shown and the passing ones folded away. Every piece of text is escaped, so nothing a server
 * sent can become markup, and long URLs wrap instead of widening the page.
 */
public final class HtmlReportRenderer implements ReportRenderer {
  private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  @Override
  public void render(Report report, Writer out) throws IOException {
    Verdict verdict = report.verdict();
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<title>preflight " + report.mode().id() + ": " + verdict + "</title>\n");
    out.write("<style>\n" + HtmlStyle.CSS + "</style>\n</head>\n<body>\n");
    out.write("<header>\n<h1>Windows Autopilot network readiness: ");
    out.write("<span class=\"verdict " + verdict + "\">" + verdict + "</span></h1>\n");
    out.write(
        "<p class=\"meaning\">"
            + escape(capitalized(verdict.meaning()))
            + " (exit code "
            + verdict.exitCode()
            + "). "
            + report.counts().total()
            + " endpoints: "
            + escape(report.counts().summary())
            + ".</p>\n</header>\n");
    contents(report, out);
    FindingNumbers numbers = FindingNumbers.of(report.findings());
    HtmlSummary.findings(report.findings(), out);
    HtmlSummary.warnings(report.warnings(), out);
    HtmlSummary.environment(report, out);
    out.write("<section id=\"services\">\n<h2>Services</h2>\n");
    for (ServiceResult service : report.services()) {
      HtmlServices.service(service, numbers, out);
    }
    out.write("</section>\n</body>\n</html>\n");
    out.flush();
  }

  private static void contents(Report report, Writer out) throws IOException {
    out.write("<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ul>\n");
    out.write("<li><a href=\"#findings\">Findings</a> (" + report.findings().size() + ")</li>\n");
    if (!report.warnings().isEmpty()) {
      out.write("<li><a href=\"#warnings\">Warnings</a> (" + report.warnings().size() + ")</li>\n");
    }
    out.write("<li><a href=\"#environment\">Environment</a></li>\n");
    out.write("<li><a href=\"#services\">Services</a>\n<ul class=\"toc\">\n");
    for (ServiceResult service : report.services()) {
      out.write(
          "<li><a href=\"#"
              + HtmlServices.anchor(service)
              + "\">"
              + escape(service.service().name())
              + "</a> <span class=\""
              + service.status()
              + "\">"
              + service.status()
              + "</span></li>\n");
    }
    out.write("</ul>\n</li>\n</ul>\n</nav>\n");
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Text as HTML character data or attribute value; null becomes empty. */
  static String escape(@Nullable String text) {
    return Markup.html(text);
  }
}
