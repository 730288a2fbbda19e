package dev.preflight.probe;

import dev.preflight.probe.net.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A total time budget on a monotonic clock. Every blocking call of a probe gets {@link
 * #capped(Duration)} or {@link #remaining()}, so a probe never runs longer than its budget however
 * many phases it has. Immutable and safe to share.
 */
public final class Deadline {
  private final Clock clock;
  private final long startNanos;
  private final long budgetNanos;

  private Deadline(Clock clock, Duration budget) {
    this(clock, clock.nanoTime(), budget.toNanos());
  }

  private Deadline(Clock clock, long startNanos, long budgetNanos) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startNanos = startNanos;
    this.budgetNanos = budgetNanos;
  }

  /** A deadline {@code budget} from now. */
  public static Deadline start(Clock clock, Duration budget) {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("budget must not be negative: " + budget);
    }
    return new Deadline(clock, budget);
  }

  /** The time left, never negative. */
  public Duration remaining() {
    long left = budgetNanos - (clock.nanoTime() - startNanos);
    return Duration.ofNanos(Math.max(0, left));
  }

  /** The time left, but at most {@code max}: a phase's own limit inside the total budget. */
  public Duration capped(Duration max) {
    Duration remaining = remaining();
    return remaining.compareTo(max) < 0 ? remaining : max;
  }

  /** True once the budget is spent. */
  public boolean expired() {
    return remaining().isZero();
  }

  /** Time since the deadline started. */
  public Duration elapsed() {
    return Duration.ofNanos(clock.nanoTime() - startNanos);
  }

  /**
   * This deadline moved later by {@code wait}: time spent waiting on this machine (a queue, not the
   * network) that must not use up the budget.
   */
  public Deadline extendedBy(Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait must not be negative: " + wait);
    }
    return new Deadline(clock, startNanos, budgetNanos + wait.toNanos());
  }

  /** The whole budget. */
  public Duration budget() {
    return Duration.ofNanos(budgetNanos);
  }
}
