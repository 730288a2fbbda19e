package dev.preflight.run;

/**
 * A discovery answer that came from the server but cannot be used: not the documented format, too
 * large, or missing what the device needs. Carries one sentence for the report's warning.
 */
final class DiscoveryProblem extends Exception {
  private static final long serialVersionUID = 1L;

  DiscoveryProblem(String reason) {
    super(reason, null, false, false);
  }
}
