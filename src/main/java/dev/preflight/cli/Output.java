package dev.preflight.cli;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a command writes: the command line's standard output, or {@code --output FILE}. A file that
 * cannot be written is bad input (exit 3), named in the message.
 */
final class Output {
  /** Writes the output once the destination is open; may throw I/O errors. */
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  private Output() {}

  /**
   * Fails fast, before any probing or evaluation, when {@code file} can obviously not be written: a
   * directory, or a missing or read-only parent directory. Null means standard output.
   */
  static void checkWritable(@Nullable Path file) {
    if (file == null) {
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
    if (file == null) {
      try {
        body.writeTo(stdout);
      } catch (IOException e) {
        throw new InputException("standard output", 0, "cannot write: " + e.getMessage(), e);
      }
      stdout.flush();
      return;
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.writeTo(writer);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot write: " + describe(e), e);
    }
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException
        ? "its directory does not exist"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
  }
}
