package dev.preflight.cli;

/** The formats {@code preflight catalog list} and {@code show} write. */
enum CatalogFormat {
  TEXT,
  JSON,
  CSV
}
