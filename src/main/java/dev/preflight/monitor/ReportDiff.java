package dev.preflight.monitor;

import dev.preflight.verdict.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two reports: how the verdict moved, and each endpoint that appeared,
 * disappeared, changed status or cause, or got slower or faster by more than a threshold.
 *
 * <p>Worse means, for the verdict, a higher exit code; for an endpoint, a status further along PASS
 * (and SKIP), WARN, FAIL — an endpoint that appears failing or warning counts. A cause that changes
 * while the status stays, a disappeared endpoint and a timing change are reported but are not
 * worse: they do not make the network less ready.
 *
 * @param before the earlier report
 * @param after the later report
 * @param threshold the smallest change of an endpoint's total time that is reported
 * @param changes the changed endpoints, the worse ones first, otherwise in report order
 */
public record ReportDiff(
    ReportSummary before, ReportSummary after, Duration threshold, List<Change> changes) {

  /** What happened to one endpoint. */
  public enum Kind {
    ADDED,
    REMOVED,
    STATUS,
    CAUSE,
    SLOWER,
    FASTER
  }

  /**
   * One endpoint's change.
   *
   * @param kind what changed
   * @param before the endpoint in the earlier report, or null when it was added
   * @param after the endpoint in the later report, or null when it was removed
   * @param worse whether the change makes the network less ready
   */
  public record Change(
      Kind kind,
      ReportSummary.@Nullable Endpoint before,
      ReportSummary.@Nullable Endpoint after,
      boolean worse) {

    /** The endpoint as it is now, or as it was when it was removed. */
    public ReportSummary.Endpoint endpoint() {
      return Objects.requireNonNull(after != null ? after : before, "endpoint");
    }
  }

  public ReportDiff {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(threshold, "threshold");
    changes = List.copyOf(changes);
  }

  /** Compares {@code before} with {@code after}. */
  public static ReportDiff of(ReportSummary before, ReportSummary after, Duration threshold) {
    Map<String, ReportSummary.Endpoint> earlier = new LinkedHashMap<>();
    before.endpoints().forEach(e -> earlier.putIfAbsent(e.key(), e));
    List<Change> changes = new ArrayList<>();
    for (ReportSummary.Endpoint now : after.endpoints()) {
      ReportSummary.Endpoint then = earlier.remove(now.key());
      Change change = then == null ? added(now) : compare(then, now, threshold);
      if (change != null) {
        changes.add(change);
      }
    }
    earlier.values().forEach(e -> changes.add(new Change(Kind.REMOVED, e, null, false)));
    changes.sort(Comparator.comparing(c -> !c.worse()));
    return new ReportDiff(before, after, threshold, changes);
  }

  /**
   * True when the verdict says less is ready than before ({@link
   * dev.preflight.verdict.Verdict#worseThan}).
   */
  public boolean verdictWorse() {
    return after.verdict().worseThan(before.verdict());
  }

  /** True when the verdict says more is ready than before. */
  public boolean verdictBetter() {
    return before.verdict().worseThan(after.verdict());
  }

  /** True when the verdict or any endpoint got worse: {@code diff}'s exit code 1. */
  public boolean worse() {
    return verdictWorse() || changes.stream().anyMatch(Change::worse);
  }

  private static Change added(ReportSummary.Endpoint now) {
    return new Change(Kind.ADDED, null, now, rank(now.status()) > 0);
  }

  private static @Nullable Change compare(
      ReportSummary.Endpoint then, ReportSummary.Endpoint now, Duration threshold) {
    if (then.status() != now.status()) {
      return new Change(Kind.STATUS, then, now, rank(now.status()) > rank(then.status()));
    }
    if (!Objects.equals(then.cause(), now.cause())) {
      return new Change(Kind.CAUSE, then, now, false);
    }
    if (then.totalMs() != null && now.totalMs() != null) {
      long delta = now.totalMs() - then.totalMs();
      if (Math.abs(delta) > threshold.toMillis()) {
        return new Change(delta > 0 ? Kind.SLOWER : Kind.FASTER, then, now, false);
      }
    }
    return null;
  }

  /** How far from working a status is: SKIP says nothing about the network, so it ranks as PASS. */
  private static int rank(Status status) {
    return switch (status) {
      case PASS, SKIP -> 0;
      case WARN -> 1;
      case FAIL -> 2;
    };
  }
}
