package dev.preflight.verdict;

/** The outcome for one endpoint or one service, ordered from best to worst except SKIP. */
public enum Status {
  PASS,
  WARN,
  FAIL,
  /**
   * Not judged: not needed by the chosen scenario, or a required input (such as a domain) is
   * absent.
   */
  SKIP
}
