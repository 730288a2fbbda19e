package dev.preflight.probe;

import dev.preflight.probe.net.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A probe's time budget on a monotonic clock, spent only by the probe's own work: its waits on the
 * network and its own computing. Every blocking call of a probe gets {@link #capped(Duration)} or
 * {@link #remaining()}, so a probe never spends more than its budget however many phases it has.
 *
 * <p>Local waits do not spend it: time a probe spends queued on this machine — for a CPU slot
 * ({@link CpuSlots}), a shared lookup another probe already started, a rate limit — is marked with
 * {@link #localWait()} and left out, so that a busy machine never turns into a network cause. Local
 * waits may overlap (two threads of one probe queued at once); their union is left out once. The
 * deadline starts when the probe starts running, never while it is queued for a slot in the run.
 *
 * <p>Thread-safe: a probe's helper threads (the AAAA question, the IPv6 check) share its deadline.
 */
public final class Deadline {
  /** One local wait; closing it resumes spending. Closing twice has no further effect. */
  public final class LocalWait implements AutoCloseable {
    private boolean closed;

    private LocalWait() {}

    @Override
    public void close() {
      synchronized (Deadline.this) {
        if (!closed) {
          closed = true;
          endWait();
        }
      }
    }
  }

  private final Clock clock;
  private final long startNanos;
  private final long budgetNanos;
  private int openWaits;
  private long waitOpenedAt;
  private long waitedNanos;

  private Deadline(Clock clock, Duration budget) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startNanos = clock.nanoTime();
    this.budgetNanos = budget.toNanos();
  }

  /** A deadline {@code budget} from now. */
  public static Deadline start(Clock clock, Duration budget) {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("budget must not be negative: " + budget);
    }
    return new Deadline(clock, budget);
  }

  /** The budget left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, budgetNanos - spentNanos()));
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

  /** Wall-clock time since the deadline started, local waits included. */
  public Duration elapsed() {
    return Duration.ofNanos(clock.nanoTime() - startNanos);
  }

  /**
   * The budget spent so far: {@link #elapsed()} without local waits. It keeps growing past the
   * budget; phase timings are differences of it, so they measure the network, not the queues.
   */
  public Duration spent() {
    return Duration.ofNanos(spentNanos());
  }

  /** How far the probe has run past its budget, zero while it is within it. */
  public Duration overdue() {
    return Duration.ofNanos(Math.max(0, spentNanos() - budgetNanos));
  }

  /** The whole budget. */
  public Duration budget() {
    return Duration.ofNanos(budgetNanos);
  }

  /** Starts a local wait, which does not spend the budget until it is closed. */
  public synchronized LocalWait localWait() {
    if (openWaits++ == 0) {
      waitOpenedAt = clock.nanoTime();
    }
    return new LocalWait();
  }

  private void endWait() {
    if (--openWaits == 0) {
      waitedNanos += clock.nanoTime() - waitOpenedAt;
    }
  }

  private synchronized long spentNanos() {
    long now = clock.nanoTime();
    long waiting = openWaits > 0 ? now - waitOpenedAt : 0;
    return now - startNanos - waitedNanos - waiting;
  }
}
