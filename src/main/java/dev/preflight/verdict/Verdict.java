package dev.preflight.verdict;

/** The overall answer, with the monitoring-plugin exit code the contract assigns to it. */
public enum Verdict {
  READY(0),
  DEGRADED(1),
  BLOCKED(2),
  /**
   * The tool could not judge an endpoint Autopilot needs, and nothing else is BLOCKED: a network it
   * could not judge is never reported as READY or DEGRADED.
   */
  UNKNOWN(3);

  private final int exitCode;

  Verdict(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
