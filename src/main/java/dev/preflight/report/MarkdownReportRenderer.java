package dev.preflight.report;

import dev.preflight.catalog.Scenario;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A Markdown report to paste into a ticket or a change request: the verdict first, then one table
 * per service with the endpoints that did not pass and what to change, then the warnings. Passing
 * endpoints are counted, not listed, so the page stays about the problems.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
  @Override
  public void render(Report report, Writer out) throws IOException {
    String scenarios =
        report.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", "));
    out.write("# Windows Autopilot network readiness: " + report.verdict() + "\n\n");
    out.write(
        "preflight "
            + report.mode().id()
            + " for "
            + scenarios
            + ", "
            + report.startedAt()
            + ", exit code "
            + report.verdict().exitCode()
            + ".\n");
    for (ServiceResult service : report.services()) {
      serviceSection(service, out);
    }
    if (!report.warnings().isEmpty()) {
      out.write("\n## Warnings\n\n");
      for (String warning : report.warnings()) {
        out.write("- " + inline(Shown.text(warning)) + "\n");
      }
    }
    out.flush();
  }

  private static void serviceSection(ServiceResult service, Writer out) throws IOException {
    long passed = service.endpoints().stream().filter(e -> e.status() == Status.PASS).count();
    out.write(
        "\n## "
            + inline(Shown.text(service.service().name()))
            + " — "
            + service.status()
            + " ("
            + service.impact().name().toLowerCase(Locale.ROOT)
            + ")\n\n");
    out.write(passed + " of " + service.endpoints().size() + " endpoints passed.\n");
    if (passed == service.endpoints().size()) {
      return;
    }
    out.write("\n| Status | Endpoint | Cause | Route | Observed | Remedy |\n");
    out.write("| --- | --- | --- | --- | --- | --- |\n");
    for (EndpointResult e : service.endpoints()) {
      if (e.status() != Status.PASS) {
        out.write(row(e));
      }
    }
  }

  private static String row(EndpointResult e) {
    return "| "
        + e.status()
        + " | `"
        + e.endpoint().target().replace("`", "")
        + "` | "
        + (e.cause() == null ? "" : "`" + e.cause().name() + "`")
        + " | "
        + cell(e.route())
        + " | "
        + cell(e.detail())
        + " | "
        + cell(e.remedy())
        + " |\n";
  }

  private static String cell(@Nullable String text) {
    return Markup.markdownCell(Shown.orNull(text));
  }

  /** One line of text whose Markdown and HTML characters show as themselves. */
  static String inline(String text) {
    return Markup.markdown(text);
  }
}
