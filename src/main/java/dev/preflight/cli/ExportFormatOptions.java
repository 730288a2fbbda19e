package dev.preflight.cli;

import dev.preflight.export.ExportFormat;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output} for {@code export}. */
final class ExportFormatOptions extends OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "domains",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ExportFormat format = ExportFormat.DOMAINS;
}
