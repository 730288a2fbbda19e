package dev.preflight.cli;

import java.util.Locale;
import java.util.Map;

/**
 * {@code --color}: whether reports and help use ANSI colour. {@code auto} colours only a terminal,
 * and not when {@code NO_COLOR} is set to a non-empty value or {@code TERM} is {@code dumb}, as
 * https://no-color.org specifies (an empty {@code NO_COLOR} does not count); {@code always} and
 * {@code never} override both, since a command-line option wins over the environment.
 */
enum ColorMode {
  AUTO,
  ALWAYS,
  NEVER;

  /** True when output going to a terminal (or not, per {@code terminal}) gets colour. */
  boolean colour(Map<String, String> environment, boolean terminal) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> terminal && !disabledBy(environment);
    };
  }

  private static boolean disabledBy(Map<String, String> environment) {
    String noColor = environment.get("NO_COLOR");
    return (noColor != null && !noColor.isEmpty()) || "dumb".equals(environment.get("TERM"));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
