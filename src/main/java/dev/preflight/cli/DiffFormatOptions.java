package dev.preflight.cli;

import dev.preflight.monitor.DiffRenderer;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output} for {@code diff}. */
final class DiffFormatOptions extends OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DiffRenderer.Format format = DiffRenderer.Format.TEXT;
}
