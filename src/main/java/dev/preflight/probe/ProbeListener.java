package dev.preflight.probe;

import java.time.Duration;

/**
 * Observes probes as they run, for progress lines and metrics. Events for one probe arrive on the
 * probe's thread in order; events of different probes interleave, so implementations shared by
 * concurrent probes must be thread-safe.
 *
 * <p>Invariant: every {@link #phaseStarted} is followed by exactly one {@link #phaseEnded} or
 * {@link #phaseFailed} for the same phase before the next phase starts, and {@link #probeEnded}
 * comes last. A listener that throws does not affect the probe's result.
 */
public interface ProbeListener {
  /** Ignores everything. */
  ProbeListener NONE = new ProbeListener() {};

  default void probeStarted(ProbeTarget target) {}

  default void phaseStarted(ProbeTarget target, Phase phase) {}

  default void phaseEnded(ProbeTarget target, Phase phase, Duration elapsed) {}

  /** The phase failed; {@code failure} is the probe's failure, or a warning. */
  default void phaseFailed(
      ProbeTarget target, Phase phase, Duration elapsed, ProbeFailure failure) {}

  default void probeEnded(ProbeResult result) {}
}
