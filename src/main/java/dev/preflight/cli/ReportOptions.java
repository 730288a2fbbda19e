package dev.preflight.cli;

import dev.preflight.report.CsvReportRenderer;
import dev.preflight.report.HtmlReportRenderer;
import dev.preflight.report.JsonReportRenderer;
import dev.preflight.report.JunitReportRenderer;
import dev.preflight.report.MarkdownReportRenderer;
import dev.preflight.report.ReportRenderer;
import dev.preflight.report.TextReportRenderer;
import dev.preflight.verdict.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How {@code check} and {@code analyze} print their report: {@code --format} and {@code --output}.
 */
final class ReportOptions {
  enum Format {
    TEXT,
    JSON,
    CSV,
    MARKDOWN,
    JUNIT,
    HTML
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json, csv, markdown, junit or html.")
  Format format = Format.TEXT;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  @Nullable Path output;

  /** Rejects an unwritable {@code --output}, or one that is also an input, before any work. */
  void checkOutput(List<Output.Input> inputs) {
    Output.check(output, inputs);
  }

  /** True when the report goes to standard output (where a terminal may show colour). */
  boolean toStdout() {
    return output == null;
  }

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
    Output.write(stdout, output, writer -> renderer.render(report, writer));
  }
}
