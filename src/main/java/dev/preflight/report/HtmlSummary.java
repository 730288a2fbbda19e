package dev.preflight.report;

import static dev.preflight.report.HtmlReportRenderer.escape;

import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Finding;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The top sections of the HTML report: findings, warnings and the environment. */
final class HtmlSummary {
  private HtmlSummary() {}

  static void findings(List<Finding> findings, Writer out) throws IOException {
    out.write("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (findings.isEmpty()) {
      out.write("<p>None: no endpoint failed or warned.</p>\n</section>\n");
      return;
    }
    out.write("<ol class=\"findings\">\n");
    for (int i = 0; i < findings.size(); i++) {
      finding(i + 1, findings.get(i), out);
    }
    out.write("</ol>\n</section>\n");
  }

  private static void finding(int number, Finding f, Writer out) throws IOException {
    out.write("<li id=\"finding-" + number + "\">\n<p>");
    out.write("<span class=\"" + f.status() + "\">" + f.status() + "</span> (");
    out.write(f.impact().name().toLowerCase(Locale.ROOT) + ") " + escape(f.summary()) + "</p>\n");
    if (f.remedy() != null) {
      out.write("<p class=\"remedy\"><strong>Remedy:</strong> " + escape(f.remedy()) + "</p>\n");
    }
    List<EndpointResult> covered = f.results();
    out.write(
        "<details><summary>"
            + covered.size()
            + (covered.size() == 1 ? " endpoint" : " endpoints")
            + "</summary>\n<ul>\n");
    for (EndpointResult e : covered) {
      out.write(
          "<li><code>"
              + escape(e.endpoint().target())
              + "</code> <a href=\"#"
              + HtmlServices.anchor(e.endpoint().service())
              + "\">"
              + escape(e.endpoint().service())
              + "</a></li>\n");
    }
    out.write("</ul>\n</details>\n</li>\n");
  }

  static void warnings(List<String> warnings, Writer out) throws IOException {
    if (warnings.isEmpty()) {
      return;
    }
    out.write("<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
    for (String warning : warnings) {
      out.write("<li>" + escape(warning) + "</li>\n");
    }
    out.write("</ul>\n</section>\n");
  }

  static void environment(Report report, Writer out) throws IOException {
    out.write("<section id=\"environment\">\n<h2>Environment</h2>\n");
    out.write(
        "<p>preflight "
            + report.mode().id()
            + ", started "
            + report.startedAt()
            + ", took "
            + TextReportRenderer.seconds(report.duration().toMillis())
            + ".</p>\n");
    out.write("<table>\n<colgroup><col class=\"label\"><col></colgroup>\n");
    for (EnvironmentRows.Row row : EnvironmentRows.of(report)) {
      out.write(
          "<tr><th>" + escape(row.label()) + "</th><td>" + escape(row.value()) + "</td></tr>\n");
    }
    out.write("</table>\n</section>\n");
  }
}
