package dev.preflight.probe;

/**
 * Unwinds a probe once a phase has failed; the failure is already recorded. Carries no stack trace:
 * it is control flow inside a probe, never seen outside the package.
 */
final class ProbeAbort extends Exception {
  private final transient ProbeFailure failure;

  ProbeAbort(ProbeFailure failure) {
    super(failure.message(), null, false, false);
    this.failure = failure;
  }

  ProbeFailure failure() {
    return failure;
  }
}
