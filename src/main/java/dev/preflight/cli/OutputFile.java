package dev.preflight.cli;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * Writes a command's finished output to {@code --output FILE} or to stdout. A file is written to a
 * temporary sibling first and then moved into place, so a failed run never leaves half a file.
 */
final class OutputFile {
  private OutputFile() {}

  static void write(@Nullable Path file, String content, PrintWriter stdout) {
    if (file == null) {
      stdout.print(content);
      stdout.flush();
      return;
    }
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      temp = Files.createTempFile(target.getParent(), ".preflight-", ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      move(temp, target);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new InputException(file.toString(), 0, "cannot write: " + describe(e), e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(@Nullable Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The write already failed; that is the error worth reporting.
    }
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }
}
