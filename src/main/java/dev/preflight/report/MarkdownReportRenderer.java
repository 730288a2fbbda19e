package dev.preflight.report;

import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Finding;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Series;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A Markdown report to paste into a ticket or a change request, root causes first: the verdict and
 * the counts, the findings with their remedies and endpoints, the warnings, the environment, then
 * one table per service with the endpoints that did not pass. Passing endpoints are counted, not
 * listed, so the page stays about the problems.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
  /** How many names a finding lists before it counts the rest. */
  private static final int NAMES_SHOWN = 8;

  @Override
  public void render(Report report, Writer out) throws IOException {
    Verdict verdict = report.verdict();
    out.write("# Windows Autopilot network readiness: " + verdict + "\n\n");
    out.write(
        "**Verdict: "
            + verdict
            + "** (exit code "
            + verdict.exitCode()
            + "): "
            + verdict.meaning()
            + ". "
            + report.counts().summary()
            + ".\n");
    findings(report.findings(), out);
    warnings(report.warnings(), out);
    environment(report, out);
    FindingNumbers numbers = FindingNumbers.of(report.findings());
    out.write("\n## Services\n");
    for (ServiceResult service : report.services()) {
      serviceSection(service, numbers, out);
    }
    out.flush();
  }

  private static void findings(List<Finding> findings, Writer out) throws IOException {
    out.write("\n## Findings\n\n");
    if (findings.isEmpty()) {
      out.write("None: no endpoint failed or warned.\n");
      return;
    }
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      out.write(
          (i + 1)
              + ". **"
              + f.status()
              + " ("
              + f.impact().name().toLowerCase(Locale.ROOT)
              + ")** "
              + inline(f.summary())
              + "\n");
      if (f.remedy() != null) {
        out.write("   **Remedy:** " + inline(f.remedy()) + "\n");
      }
      if (f.patterns().size() > 1) {
        out.write(
            "   Endpoints: "
                + Series.of(
                    f.patterns().stream().map(MarkdownReportRenderer::code).toList(), NAMES_SHOWN)
                + "\n");
      }
    }
  }

  private static void warnings(List<String> warnings, Writer out) throws IOException {
    if (warnings.isEmpty()) {
      return;
    }
    out.write("\n## Warnings\n\n");
    for (String warning : warnings) {
      out.write("- " + inline(warning) + "\n");
    }
  }

  private static void environment(Report report, Writer out) throws IOException {
    out.write(
        "\n## Environment\n\npreflight "
            + report.mode().id()
            + ", started "
            + report.startedAt()
            + ", took "
            + TextReportRenderer.seconds(report.duration().toMillis())
            + ".\n\n| Setting | Value |\n| --- | --- |\n");
    for (EnvironmentRows.Row row : EnvironmentRows.of(report)) {
      out.write("| " + row.label() + " | " + cell(row.value()) + " |\n");
    }
  }

  private static void serviceSection(ServiceResult service, FindingNumbers numbers, Writer out)
      throws IOException {
    long passed = service.endpoints().stream().filter(e -> e.status() == Status.PASS).count();
    out.write(
        "\n### "
            + inline(service.service().name())
            + " — "
            + service.status()
            + " ("
            + service.impact().name().toLowerCase(Locale.ROOT)
            + ")\n\n");
    out.write(passed + " of " + service.endpoints().size() + " endpoints passed.\n");
    if (passed == service.endpoints().size()) {
      return;
    }
    out.write("\n| Status | Endpoint | Cause | Route | Observed | Finding |\n");
    out.write("| --- | --- | --- | --- | --- | --- |\n");
    for (EndpointResult e : service.endpoints()) {
      if (e.status() != Status.PASS) {
        out.write(row(e, numbers.of(e)));
      }
    }
  }

  private static String row(EndpointResult e, @Nullable Integer finding) {
    return "| "
        + e.status()
        + " | "
        + code(e.endpoint().target())
        + " | "
        + (e.cause() == null ? "" : code(e.cause().name()))
        + " | "
        + cell(e.route())
        + " | "
        + cell(e.detail())
        + " | "
        + (finding == null ? "" : finding.toString())
        + " |\n";
  }

  /** Inline code; a backtick inside would end it, and a pipe would end a table cell. */
  private static String code(String text) {
    return "`" + text.replace("`", "").replace("|", "") + "`";
  }

  private static String cell(@Nullable String text) {
    return Markup.markdownCell(text);
  }

  /** One line of text whose Markdown and HTML characters show as themselves. */
  static String inline(String text) {
    return Markup.markdown(text);
  }
}
