package dev.preflight.run;

import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;

/**
 * Hears about a check run as it goes, for a progress line or a debug log. Calls come from many
 * threads at once; implementations must be thread-safe and must not block.
 */
public interface ProgressListener {
  /** {@code count} more probes were planned (called again when hybrid join adds its DC probes). */
  default void planned(int count) {}

  /** A probe finished with {@code result}. */
  default void finished(ProbeResult result) {}

  /** A probe did not finish in time or failed with a programming error ({@code error} or null). */
  default void abandoned(ProbeTarget target, String reason, Throwable error) {}

  /** Hears nothing. */
  ProgressListener NONE = new ProgressListener() {};
}
