package dev.preflight.probe;

import java.util.Objects;

/**
 * Why a probe did not pass: the contract's cause, the phase it happened in, and what was observed
 * in one sentence. A {@code warning} is a problem that does not fail the endpoint (for example an
 * IPv6-only failure while IPv4 works).
 */
public record ProbeFailure(Cause cause, Phase phase, String message, boolean warning) {
  public ProbeFailure {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
  }

  public static ProbeFailure fail(Cause cause, Phase phase, String message) {
    return new ProbeFailure(cause, phase, message, false);
  }

  public static ProbeFailure warn(Cause cause, Phase phase, String message) {
    return new ProbeFailure(cause, phase, message, true);
  }
}
