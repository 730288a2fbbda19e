package dev.preflight.monitor;

import dev.preflight.verdict.Report;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What serve shows about its last run: the report (null when it was read back from the history
 * after a restart, until the first new run ends), its contract JSON and summary, and what changed
 * since the run before it.
 *
 * @param runId the run's id in the history, or 0 when it could not be stored
 * @param changes the difference from the previous run, or null when there was none
 */
record RunState(
    long runId,
    @Nullable Report report,
    String json,
    ReportSummary summary,
    @Nullable ReportDiff changes) {
  RunState {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(summary, "summary");
  }
}
