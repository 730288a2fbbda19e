package dev.preflight.cli;

import java.util.Locale;

/** The formats {@code preflight catalog list} and {@code show} write. */
enum CatalogFormat {
  TEXT,
  JSON,
  CSV;

  /** The spelling used with {@code --format}, in help and in completion. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
