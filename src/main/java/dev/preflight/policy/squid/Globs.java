package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import dev.preflight.common.IoErrors;
import dev.preflight.policy.ConfigRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an {@code include} pattern like glob(3): wildcards ({@code * ? [}) may appear in any path
 * segment, matches are sorted, hidden files only match a pattern that starts with a dot. Paths are
 * in the configuration's own terms; each directory listed is found through the {@link ConfigRoot},
 * so an expansion never looks outside it.
 */
final class Globs {
  private Globs() {}

  /**
   * The paths {@code pattern} names, in the configuration's terms, sorted: for a pattern without
   * wildcards the one path it names, whether or not it exists.
   */
  static List<Path> expand(
      ConfigRoot root, Path workingDirectory, String pattern, ConfigLine line) {
    Path path = root.inConfiguration(pattern, workingDirectory);
    if (!hasWildcard(pattern)) {
      return List.of(path);
    }
    List<Path> current = new ArrayList<>(List.of(path.getRoot()));
    for (Path segment : path.getRoot().relativize(path)) {
      current = step(root, current, segment.toString(), line);
    }
    return current;
  }

  private static List<Path> step(
      ConfigRoot root, List<Path> dirs, String segment, ConfigLine line) {
    List<Path> next = new ArrayList<>();
    for (Path dir : dirs) {
      if (!hasWildcard(segment)) {
        next.add(dir.resolve(segment));
        continue;
      }
      Path onDisk = root.onDisk(dir, line.file().toString(), line.line());
      if (!Files.isDirectory(onDisk)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(onDisk, segment)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (!name.startsWith(".") || segment.startsWith(".")) {
            next.add(dir.resolve(name));
          }
        }
      } catch (IOException e) {
        throw new InputException(
            line.file(), line.line(), "cannot expand include pattern: " + IoErrors.reason(e));
      } catch (IllegalArgumentException e) {
        throw new InputException(
            line.file(), line.line(), "cannot expand include pattern: not a valid glob");
      }
    }
    next.sort(null);
    return next;
  }

  static boolean hasWildcard(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
  }
}
