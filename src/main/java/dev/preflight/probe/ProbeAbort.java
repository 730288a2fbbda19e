package dev.preflight.probe;

import org.jspecify.annotations.Nullable;

/**
 * Unwinds a probe once a phase has failed (the failure is already recorded), or once the probe
 * turned out not to apply (no failure; the reason is a {@link Fact#NOT_APPLICABLE} fact). Carries
 * no stack trace: it is control flow inside a probe, never seen outside the package.
 */
final class ProbeAbort extends Exception {
  private final transient @Nullable ProbeFailure failure;

  ProbeAbort(@Nullable ProbeFailure failure) {
    super(failure == null ? "not applicable" : failure.message(), null, false, false);
    this.failure = failure;
  }

  /** The failure, or null when the probe ended because it does not apply. */
  @Nullable ProbeFailure failure() {
    return failure;
  }
}
