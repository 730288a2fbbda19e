package dev.preflight.verdict;

/**
 * The overall answer, with the monitoring-plugin exit code the contract assigns to it and its
 * meaning in words: the one wording the help, every report and the dashboard use.
 */
public enum Verdict {
  READY(0, "every endpoint the scenario needs passed"),
  DEGRADED(1, "Autopilot would finish, but something it uses is missing"),
  BLOCKED(2, "Autopilot would fail");

  private final int exitCode;
  private final String meaning;

  Verdict(int exitCode, String meaning) {
    this.exitCode = exitCode;
    this.meaning = meaning;
  }

  public int exitCode() {
    return exitCode;
  }

  /** What the verdict means for a deployment, as a clause without a final period. */
  public String meaning() {
    return meaning;
  }
}
