package dev.preflight.report;

import dev.preflight.verdict.Finding;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Series;
import dev.preflight.verdict.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The top of the text report: the title, the verdict with its meaning and the counts, the findings
 * (each with its remedy and the endpoints it covers), the warnings and the environment block.
 */
final class TextSummary {
  /** How many names a finding lists in text before it counts the rest. */
  private static final int NAMES_SHOWN = 4;

  private final Ansi ansi;
  private final Report report;

  TextSummary(Ansi ansi, Report report) {
    this.ansi = ansi;
    this.report = report;
  }

  void write(TextLines lines) throws IOException {
    lines.add(
        ansi.bold("preflight " + report.mode().id())
            + ", started "
            + report.startedAt()
            + ", took "
            + TextReportRenderer.seconds(report.duration().toMillis()));
    lines.blank();
    lines.add(verdictLine());
    findings(lines);
    warnings(lines);
    environment(lines);
  }

  /**
   * {@code Verdict: BLOCKED (exit 2): Autopilot would fail. 1 passed, 2 failed (2 blocking), …}.
   */
  String verdictLine() {
    Verdict verdict = report.verdict();
    return ansi.verdict(verdict, "Verdict: " + verdict.name())
        + " (exit "
        + verdict.exitCode()
        + "): "
        + verdict.meaning()
        + ". "
        + report.counts().summary()
        + ".";
  }

  private void findings(TextLines lines) throws IOException {
    lines.blank();
    List<Finding> findings = report.findings();
    if (findings.isEmpty()) {
      lines.add(ansi.bold("Findings:") + " none; no endpoint failed or warned.");
      return;
    }
    lines.add(ansi.bold("Findings") + ", most consequential first:");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      String number = String.format(Locale.ROOT, "%3d. ", i + 1);
      String tag = f.status().name() + " (" + f.impact().name().toLowerCase(Locale.ROOT) + ")";
      lines.add(number + ansi.status(f.status(), tag) + " " + f.summary());
      if (f.remedy() != null) {
        lines.add("     " + ansi.bold("Remedy:") + " " + f.remedy());
      }
      if (f.patterns().size() > 1) {
        lines.add("     Endpoints: " + Series.of(f.patterns(), NAMES_SHOWN) + ".");
      }
    }
  }

  private void warnings(TextLines lines) throws IOException {
    if (report.warnings().isEmpty()) {
      return;
    }
    lines.blank();
    lines.add(ansi.bold("Warnings:"));
    for (String warning : report.warnings()) {
      lines.add("  - " + warning);
    }
  }

  private void environment(TextLines lines) throws IOException {
    lines.blank();
    lines.add(ansi.bold("Environment:"));
    List<EnvironmentRows.Row> rows = EnvironmentRows.of(report);
    int width = EnvironmentRows.labelWidth(rows);
    for (EnvironmentRows.Row row : rows) {
      lines.add("  " + TextReportRenderer.pad(row.label(), width) + "  " + row.value());
    }
  }
}
