package dev.preflight.verdict;

/** The overall answer, with the monitoring-plugin exit code the contract assigns to it. */
public enum Verdict {
  READY(0, 0),
  DEGRADED(1, 1),
  BLOCKED(2, 3),
  /**
   * The tool could not judge an endpoint Autopilot needs, and nothing else is BLOCKED: a network it
   * could not judge is never reported as READY or DEGRADED.
   */
  UNKNOWN(3, 2);

  private final int exitCode;
  private final int severity;

  Verdict(int exitCode, int severity) {
    this.exitCode = exitCode;
    this.severity = severity;
  }

  /**
   * True when this verdict says less is ready than {@code other}: READY, then DEGRADED, then
   * UNKNOWN, then BLOCKED — a network known to fail is worse news than one that could not be
   * judged, whatever the exit codes' order.
   */
  public boolean worseThan(Verdict other) {
    return severity > other.severity;
  }

  public int exitCode() {
    return exitCode;
  }
}
