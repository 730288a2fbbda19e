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
 * Where a catalog command writes: the command line's standard output, or {@code --output FILE}. A
 * file that cannot be written is bad input (exit 3), named in the message.
 */
final class CatalogOutput {
  /** Writes the output once the destination is open; may throw I/O errors. */
  interface Body {
    void writeTo(Writer writer) throws IOException;
  }

  private CatalogOutput() {}

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
