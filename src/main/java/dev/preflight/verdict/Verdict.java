package dev.preflight.verdict;

/** The overall answer, with the monitoring-plugin exit code the contract assigns to it. */
public enum Verdict {
  READY(0),
  DEGRADED(1),
  BLOCKED(2);

  private final int exitCode;

  Verdict(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
