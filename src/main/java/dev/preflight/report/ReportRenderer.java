package dev.preflight.report;

import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.Writer;

/** Formats a {@link Report}; holds no logic beyond formatting and never closes the writer. */
public interface ReportRenderer {
  void render(Report report, Writer out) throws IOException;
}
