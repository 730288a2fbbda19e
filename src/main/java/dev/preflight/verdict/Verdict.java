package dev.preflight.verdict;

/**
 * The overall answer, with the monitoring-plugin exit code the contract assigns to it and its
 * meaning in words: the one wording the help, every report and the dashboard use.
 */
public enum Verdict {
  READY(0, 0, "every endpoint the scenario needs passed"),
  DEGRADED(1, 1, "Autopilot would finish, but something it uses is missing"),
  BLOCKED(2, 3, "Autopilot would fail"),
  /**
   * The tool could not judge an endpoint Autopilot needs, and nothing else is BLOCKED: a network it
   * could not judge is never reported as READY or DEGRADED.
   */
  UNKNOWN(3, 2, "an endpoint Autopilot needs could not be judged");

  private final int exitCode;
  private final int severity;
  private final String meaning;

  Verdict(int exitCode, int severity, String meaning) {
    this.exitCode = exitCode;
    this.severity = severity;
    this.meaning = meaning;
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

  /** What the verdict means for a deployment, as a clause without a final period. */
  public String meaning() {
    return meaning;
  }
}
