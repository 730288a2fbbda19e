package dev.preflight.cli;

import java.util.Locale;

/** The formats {@code check} and {@code analyze} write their report in. */
enum ReportFormat {
  TEXT,
  JSON,
  CSV,
  MARKDOWN,
  JUNIT,
  HTML;

  /** The spelling used with {@code --format}, in help and in completion. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
