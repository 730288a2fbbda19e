package dev.preflight.probe;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns one probe's phase events into {@link ProbeResult#timings()} and forwards them to a {@link
 * ProbeListener}. A phase's duration is the {@link Deadline#spent() budget it spent}: the clock
 * starts when the phase's I/O does, and local waits inside it (a queue for a CPU slot) are left
 * out, so timings describe the network, not this machine's queues. It enforces the listener
 * invariant: a phase starts only when none is open, and each start is closed by exactly one end or
 * failure. When a phase runs twice (a second connect for the other address family) the first
 * duration is kept, so timings describe the main path. Not thread-safe: one recorder per probe run.
 */
public final class PhaseRecorder {
  private final ProbeTarget target;
  private final Deadline deadline;
  private final ProbeListener listener;
  private final Map<Phase, Duration> timings = new EnumMap<>(Phase.class);
  private @Nullable Phase open;
  private Duration openedAt = Duration.ZERO;

  public PhaseRecorder(ProbeTarget target, Deadline deadline, ProbeListener listener) {
    this.target = Objects.requireNonNull(target, "target");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public void start(Phase phase) {
    if (open != null) {
      throw new IllegalStateException(phase + " started while " + open + " is open");
    }
    open = phase;
    openedAt = deadline.spent();
    notify(() -> listener.phaseStarted(target, phase));
  }

  public void end(Phase phase) {
    Duration elapsed = close(phase);
    notify(() -> listener.phaseEnded(target, phase, elapsed));
  }

  public void fail(Phase phase, ProbeFailure failure) {
    Duration elapsed = close(phase);
    notify(() -> listener.phaseFailed(target, phase, elapsed, failure));
  }

  /** The budget the open phase has spent so far, zero when none is open. */
  public Duration openFor() {
    return open == null ? Duration.ZERO : deadline.spent().minus(openedAt);
  }

  /** The phase currently open, or null. */
  public @Nullable Phase open() {
    return open;
  }

  /** The recorded durations, in phase order. */
  public Map<Phase, Duration> timings() {
    return new EnumMap<>(timings);
  }

  private Duration close(Phase phase) {
    if (open != phase) {
      throw new IllegalStateException(phase + " ended but the open phase is " + open);
    }
    open = null;
    Duration elapsed = deadline.spent().minus(openedAt);
    timings.putIfAbsent(phase, elapsed);
    return elapsed;
  }

  private static void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      // A broken listener must not change what the probe observed.
    }
  }
}
