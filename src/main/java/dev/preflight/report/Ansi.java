package dev.preflight.report;

import dev.preflight.verdict.Status;
import dev.preflight.verdict.Verdict;

/** ANSI colour for the text report; every method returns its text unchanged when disabled. */
final class Ansi {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";

  private final boolean enabled;

  Ansi(boolean enabled) {
    this.enabled = enabled;
  }

  String bold(String text) {
    return wrap(BOLD, text);
  }

  String status(Status status, String text) {
    return switch (status) {
      case PASS -> wrap(GREEN, text);
      case WARN -> wrap(YELLOW, text);
      case FAIL -> wrap(RED, text);
      case SKIP -> wrap(DIM, text);
    };
  }

  String verdict(Verdict verdict, String text) {
    return switch (verdict) {
      case READY -> wrap(BOLD + GREEN, text);
      case DEGRADED -> wrap(BOLD + YELLOW, text);
      case BLOCKED -> wrap(BOLD + RED, text);
      case UNKNOWN -> wrap(BOLD + YELLOW, text);
    };
  }

  private String wrap(String code, String text) {
    return enabled ? code + text + RESET : text;
  }
}
