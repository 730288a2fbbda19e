package dev.preflight.cli;

import dev.preflight.common.AtomicFile;
import dev.preflight.common.InputException;
import dev.preflight.common.StandardInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a command writes: the command line's standard output (no file, or {@code -}), or a file,
 * written all or nothing ({@link AtomicFile}). A file that cannot be written is bad input (exit 3),
 * named in the message.
 */
final class Output {
  /** Writes the output once the destination is open; may throw I/O errors. */
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  private Output() {}

  /** True when {@code file} means standard output: none given, or {@code -}. */
  static boolean isStdout(@Nullable Path file) {
    return file == null || StandardInput.means(file.toString());
  }

  /**
   * Fails fast, before any probing or evaluation, when {@code file} can obviously not be written: a
   * directory, or a missing or read-only parent directory.
   */
  static void checkWritable(@Nullable Path file) {
    if (isStdout(file)) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new InputException(file.toString(), "is a directory; --output needs a file name");
    }
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw new InputException(
          file.toString(), "cannot write here: the directory is missing or read-only");
    }
  }

  static void write(PrintWriter stdout, @Nullable Path file, Body body) {
    if (isStdout(file)) {
      try {
        body.writeTo(stdout);
      } catch (IOException e) {
        throw new InputException("standard output", 0, "cannot write: " + e.getMessage(), e);
      }
      stdout.flush();
      return;
    }
    AtomicFile.write(file, body::writeTo);
  }
}
