package dev.preflight.policy.pac;

/**
 * Thrown inside the sandbox when a script exceeds a budget or touches something it may not.
 *
 * <p>It is an {@link Error} on purpose: Rhino lets scripts catch exceptions but never Java errors.
 * A {@code finally} block may still start, but its first statement meets the same breach again, so
 * a script cannot swallow its own termination.
 */
final class SandboxViolation extends Error {
  private static final long serialVersionUID = 1L;

  private final int line;

  SandboxViolation(String reason, int line) {
    super(reason, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }
}
