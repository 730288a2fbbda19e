package dev.preflight.cli;

import picocli.CommandLine.Option;

/** {@code --format} and {@code --output} for {@code catalog list} and {@code catalog show}. */
final class CatalogFormatOptions extends OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  CatalogFormat format = CatalogFormat.TEXT;
}
