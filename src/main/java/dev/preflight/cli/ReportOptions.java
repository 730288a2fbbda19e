package dev.preflight.cli;

import dev.preflight.report.CsvReportRenderer;
import dev.preflight.report.HtmlReportRenderer;
import dev.preflight.report.JsonReportRenderer;
import dev.preflight.report.JunitReportRenderer;
import dev.preflight.report.MarkdownReportRenderer;
import dev.preflight.report.ReportRenderer;
import dev.preflight.report.TextReportRenderer;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Verdict;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * How {@code check} and {@code analyze} print their report: {@code --format}, {@code --output}, and
 * {@code --quiet} for standard error.
 */
final class ReportOptions extends OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ReportFormat format = ReportFormat.TEXT;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress line and no closing line on standard error.")
  boolean quiet;

  /** Renders the report to standard output or the {@code --output} file. */
  void write(Report report, PrintWriter stdout, boolean colour) {
    ReportRenderer renderer =
        switch (format) {
          case TEXT -> new TextReportRenderer(colour);
          case JSON -> new JsonReportRenderer();
          case CSV -> new CsvReportRenderer();
          case MARKDOWN -> new MarkdownReportRenderer();
          case JUNIT -> new JunitReportRenderer();
          case HTML -> new HtmlReportRenderer();
        };
    write(stdout, writer -> renderer.render(report, writer));
  }

  /**
   * The closing line on standard error when the report is not in front of the reader (a file, or
   * standard output that is not a terminal): the verdict, the counts and where the report went.
   * Nothing with {@code --quiet}.
   */
  void close(Report report, PrintWriter err, Terminal terminal) {
    if (quiet || (toStdout() && terminal.stdout())) {
      return;
    }
    err.println(closingLine(report, destination()));
    err.flush();
  }

  /** {@code preflight: BLOCKED (exit 2): 3 passed, 1 failed (1 blocking), …; report in FILE}. */
  static String closingLine(Report report, String destination) {
    Verdict verdict = report.verdict();
    return "preflight: "
        + verdict
        + " (exit "
        + verdict.exitCode()
        + "): "
        + report.counts().summary()
        + "; report written to "
        + destination;
  }
}
