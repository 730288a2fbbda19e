package dev.preflight.cli;

import dev.preflight.common.AtomicFile;
import dev.preflight.common.InputException;
import dev.preflight.common.IoErrors;
import dev.preflight.common.StandardInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a command writes: the command line's standard output (no file, or {@code -}), or {@code
 * --output FILE}, replaced all or nothing through {@link AtomicFile}. A file that cannot be
 * written, or that is one of the command's own inputs, is bad input (exit 3), named in the message
 * before any work starts.
 */
final class Output {
  /** Writes the output once the destination is open; may throw I/O errors. */
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  /** An input file and the option that named it, so that a refusal can say which. */
  record Input(String option, Path path) {
    static List<Input> all(String option, List<Path> paths) {
      return paths.stream().map(p -> new Input(option, p)).toList();
    }
  }

  private Output() {}

  /** True when {@code file} means standard output: none given, or {@code -}. */
  static boolean isStdout(@Nullable Path file) {
    return file == null || StandardInput.means(file.toString());
  }

  /**
   * Fails fast, before any probing or evaluation, when {@code file} can obviously not be written (a
   * directory, a missing or read-only parent directory) or when it is one of {@code inputs}: a
   * report written over its own allowlist would destroy it.
   */
  static void check(@Nullable Path file, List<Input> inputs) {
    if (isStdout(file)) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new InputException(file.toString(), "is a directory; --output needs a file name");
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new InputException(file.toString(), "cannot write: its directory does not exist");
    }
    if (!Files.isWritable(parent)) {
      throw new InputException(
          file.toString(), "cannot write: permission denied (its directory is read-only)");
    }
    for (Input input : inputs) {
      if (!StandardInput.means(input.path().toString()) && same(file, input.path())) {
        throw new InputException(
            file.toString(),
            "is also an input ("
                + input.option()
                + "); writing the output there would destroy it, so nothing was done");
      }
    }
  }

  private static boolean same(Path output, Path input) {
    try {
      if (Files.exists(output) && Files.exists(input)) {
        return Files.isSameFile(output, input);
      }
    } catch (IOException e) {
      // Compare the names below; the read or the write will report the problem itself.
    }
    return output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
  }

  /** Writes to {@code file} all or nothing, or to standard output. */
  static void write(PrintWriter stdout, @Nullable Path file, Body body) {
    if (!isStdout(file)) {
      AtomicFile.write(file, body::writeTo);
      return;
    }
    try {
      body.writeTo(stdout);
    } catch (IOException e) {
      throw new InputException("standard output", 0, "cannot write: " + IoErrors.reason(e), e);
    }
    stdout.flush();
  }
}
