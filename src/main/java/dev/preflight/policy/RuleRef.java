package dev.preflight.policy;

import java.util.Objects;

/** The configuration rule that decided: its file, 1-based line and text. */
public record RuleRef(String file, int line, String rule) {
  public RuleRef {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rule, "rule");
  }
}
