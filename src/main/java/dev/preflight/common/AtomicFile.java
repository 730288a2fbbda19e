package dev.preflight.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes an output file all or nothing: the content goes to a temporary file in the target's own
 * directory, is forced to disk, and is renamed over the target. A failure at any point — a full
 * disk, a renderer that throws — deletes the temporary file and leaves an existing target exactly
 * as it was. A symbolic link stays a link to the replaced file; a device or FIFO is written in
 * place.
 */
public final class AtomicFile {
  /** Writes the content; may throw. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer writer) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Replaces {@code target} with what {@code content} writes, in UTF-8.
   *
   * @throws InputException naming the target and the reason in words when it cannot be written; the
   *     message says that an existing file was left unchanged
   */
  public static void write(Path target, Content content) {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      writeInPlace(target, content);
      return;
    }
    Path absolute = resolved(target);
    Path directory = absolute.getParent();
    boolean existed = Files.exists(absolute);
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
      permissions(temporary, existed ? absolute : null);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          Writer writer =
              new BufferedWriter(
                  new OutputStreamWriter(
                      Channels.newOutputStream(channel), StandardCharsets.UTF_8))) {
        content.writeTo(writer);
        writer.flush();
        channel.force(true);
      }
      move(temporary, absolute);
      temporary = null;
    } catch (IOException e) {
      String kept = existed ? "; the existing file was left unchanged" : "";
      throw new InputException(
          target.toString(), 0, "cannot write: " + IoErrors.reason(e) + kept, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * A device or FIFO ({@code /dev/null}, {@code /dev/stdout}, a pipe) is written in place: there is
   * no old content to keep, and renaming over it would replace the device with a file.
   */
  private static void writeInPlace(Path target, Content content) {
    try (Writer writer =
        Files.newBufferedWriter(
            target, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      content.writeTo(writer);
    } catch (IOException e) {
      throw new InputException(target.toString(), 0, "cannot write: " + IoErrors.reason(e), e);
    }
  }

  /** The file a symbolic link points to, so the link stays a link; the path itself otherwise. */
  private static Path resolved(Path target) {
    Path absolute = target.toAbsolutePath();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }

  /**
   * A temporary file is private to its owner; the report it becomes keeps the permissions of the
   * file it replaces, or gets the usual {@code rw-r--r--}.
   */
  private static void permissions(Path temporary, @Nullable Path replaced) throws IOException {
    if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> wanted =
        replaced != null
            ? Files.getPosixFilePermissions(replaced)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temporary, wanted);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(@Nullable Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The write already failed and says so; a stray temporary file is the lesser problem.
    }
  }
}
