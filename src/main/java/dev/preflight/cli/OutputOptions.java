package dev.preflight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --output FILE}, for every command that writes a report, a listing or a file: standard
 * output by default and for {@code -}. The {@code --format} mixins extend it with their formats.
 */
class OutputOptions {
  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output (- is standard output).")
  @Nullable Path output;

  /** True when the output goes to standard output, where a terminal may show it. */
  boolean toStdout() {
    return Output.isStdout(output);
  }

  /**
   * Rejects an unwritable {@code --output}, or one that is among the command's {@code inputs},
   * before any work starts.
   */
  void check(List<Output.Input> inputs) {
    Output.check(output, inputs);
  }

  /** Writes {@code body} to standard output or the {@code --output} file. */
  void write(PrintWriter stdout, Output.Body body) {
    Output.write(stdout, output, body);
  }

  /** Where the output went, in words: {@code standard output} or the file. */
  String destination() {
    return toStdout() ? "standard output" : String.valueOf(output);
  }
}
