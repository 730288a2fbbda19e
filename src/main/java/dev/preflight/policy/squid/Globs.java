package dev.preflight.policy.squid;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.IoErrors;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an {@code include} pattern like glob(3): wildcards ({@code * ? [}) may appear in any path
 * segment, matches are sorted, hidden files only match a pattern that starts with a dot.
 */
final class Globs {
  private Globs() {}

  /**
   * The files {@code pattern} names. A pattern without wildcards names exactly one file, which must
   * exist (the reader refuses it if it is not a regular file); a pattern with wildcards may match
   * nothing, and matches only regular files.
   */
  static List<Path> expand(Path baseDir, String pattern, ConfigLine line) {
    Path path = ConfigReader.resolve(baseDir, pattern);
    if (!hasWildcard(pattern)) {
      if (!Files.exists(path)) {
        throw new InputException(
            line.file(), line.line(), "cannot include " + pattern + ": no such file");
      }
      return List.of(path);
    }
    List<Path> current = new ArrayList<>(List.of(path.getRoot()));
    for (Path segment : path.getRoot().relativize(path)) {
      current = step(current, segment.toString(), line);
    }
    return current.stream().filter(Files::isRegularFile).sorted().toList();
  }

  private static List<Path> step(List<Path> dirs, String segment, ConfigLine line) {
    List<Path> next = new ArrayList<>();
    for (Path dir : dirs) {
      if (!hasWildcard(segment)) {
        next.add(dir.resolve(segment));
        continue;
      }
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, segment)) {
        for (Path entry : entries) {
          if (!entry.getFileName().toString().startsWith(".") || segment.startsWith(".")) {
            next.add(entry);
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new InputException(
            line.file(), line.line(), "cannot expand include pattern: " + reason(e));
      }
    }
    next.sort(null);
    return next;
  }

  private static String reason(Exception e) {
    return e instanceof IOException io
        ? IoErrors.reason(io)
        : "not a valid pattern (" + Display.line(e.getMessage(), 100) + ")";
  }

  private static boolean hasWildcard(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
  }
}
