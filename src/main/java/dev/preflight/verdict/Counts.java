package dev.preflight.verdict;

import java.util.List;
import java.util.Locale;

/**
 * How many endpoints a report judged and how they came out; {@code blocking} counts the failures of
 * blocking endpoints, the ones that make the verdict BLOCKED.
 */
public record Counts(int total, int passed, int failed, int blocking, int warned, int skipped) {

  /** The counts of {@code results}. */
  public static Counts of(List<EndpointResult> results) {
    int passed = 0;
    int failed = 0;
    int blocking = 0;
    int warned = 0;
    int skipped = 0;
    for (EndpointResult r : results) {
      switch (r.status()) {
        case PASS -> passed++;
        case WARN -> warned++;
        case SKIP -> skipped++;
        case FAIL -> {
          failed++;
          blocking += Consequences.blocks(r) ? 1 : 0;
        }
      }
    }
    return new Counts(results.size(), passed, failed, blocking, warned, skipped);
  }

  /**
   * {@code 1 passed, 2 failed (2 blocking), 1 warned, 1 skipped}: the one wording of the counts.
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%d passed, %d failed (%d blocking), %d warned, %d skipped",
        passed,
        failed,
        blocking,
        warned,
        skipped);
  }
}
