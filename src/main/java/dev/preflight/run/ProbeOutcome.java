package dev.preflight.run;

import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of one planned probe: its result, or why there is none (it did not finish within the
 * run's bound, or the probe failed with a programming error). Exactly one of {@code result} and
 * {@code abandoned} is set.
 *
 * @param finishedAt the wall-clock time the result arrived, for HTTP {@code Date} clock estimates
 */
public record ProbeOutcome(
    ProbeTarget target,
    @Nullable ProbeResult result,
    @Nullable String abandoned,
    Instant finishedAt) {
  public ProbeOutcome {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(finishedAt, "finishedAt");
    if ((result == null) == (abandoned == null)) {
      throw new IllegalArgumentException("exactly one of result and abandoned must be set");
    }
  }
}
