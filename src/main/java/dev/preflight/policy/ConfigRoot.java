package dev.preflight.policy;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the paths written inside a configuration lead: the {@code --config-root} boundary.
 *
 * <p>A configuration copied from a proxy names its include and acl files by absolute path ({@code
 * /etc/squid/allowed_sites.txt}). With a root {@code DIR}, such a path is read from under DIR as if
 * DIR were {@code /}, and so is a relative one, because Squid resolves relative paths against its
 * working directory, which is {@code /} for the system service. Symbolic links are followed the
 * same way: an absolute target resolves under DIR, and a path or link that climbs above DIR with
 * {@code ..} is refused, so nothing outside DIR is ever read. Without a root, paths mean what they
 * say on this machine and relative ones resolve against the directory of the top-level file.
 */
public final class ConfigRoot {
  /** The most symbolic links one path may pass through, as Linux allows (MAXSYMLINKS). */
  private static final int MAX_LINKS = 40;

  private static final ConfigRoot NONE = new ConfigRoot(null);

  private final @Nullable Path dir;

  private ConfigRoot(@Nullable Path dir) {
    this.dir = dir;
  }

  /** No root: paths are read where they point on this machine. */
  public static ConfigRoot none() {
    return NONE;
  }

  /**
   * The root {@code dir}, which must be a directory.
   *
   * @throws InputException naming {@code --config-root} when it is not one
   */
  public static ConfigRoot at(Path dir) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      throw new InputException("--config-root", dir + ": " + IoErrors.reason(e));
    }
    if (!Files.isDirectory(real)) {
      throw new InputException("--config-root", dir + ": not a directory");
    }
    return new ConfigRoot(real);
  }

  /** The root directory (its real path), or empty when none was given. */
  public Optional<Path> dir() {
    return Optional.ofNullable(dir);
  }

  /**
   * The directory relative paths in the configuration resolve against, in the configuration's own
   * terms: {@code /} under a root, else the directory of {@code topFile}.
   */
  public Path workingDirectory(Path topFile) {
    return dir != null ? Path.of("/") : topFile.toAbsolutePath().getParent();
  }

  /** The absolute path, in the configuration's terms, that {@code written} names. */
  public Path inConfiguration(String written, Path workingDirectory) {
    return workingDirectory.resolve(written);
  }

  /**
   * Where {@code configPath} (absolute, in the configuration's terms) is on this machine, every
   * symbolic link resolved under the root.
   *
   * @param source the configuration file that names the path, for the message
   * @param line its line
   * @throws InputException when the path or a link on it climbs above the root, or links loop
   */
  public Path onDisk(Path configPath, String source, int line) {
    if (dir == null) {
      return configPath;
    }
    Deque<String> remaining = new ArrayDeque<>();
    configPath.forEach(name -> remaining.add(name.toString()));
    Path current = dir;
    String via = "..";
    int links = 0;
    while (!remaining.isEmpty()) {
      String name = remaining.removeFirst();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (current.equals(dir)) {
          throw outside(configPath, via, source, line);
        }
        current = current.getParent();
        continue;
      }
      Path next = current.resolve(name);
      if (!Files.isSymbolicLink(next)) {
        current = next;
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new InputException(
            source, line, shown(configPath) + ": the path loops through symbolic links");
      }
      Path target = readLink(next, source, line);
      via = "the symbolic link " + next + " -> " + target;
      prepend(remaining, target);
      if (target.isAbsolute()) {
        current = dir;
      }
    }
    return current;
  }

  /**
   * The words for a referenced file that does not exist: "no such file", and without a root, for an
   * absolute path, the hint that the configuration may come from another machine.
   */
  public String noSuchFile(String written) {
    if (dir != null) {
      return "no such file under --config-root " + dir;
    }
    if (Path.of(written).isAbsolute()) {
      return "no such file (if the configuration was copied from another machine, pass"
          + " --config-root DIR, the copy's top directory, so that absolute paths resolve under"
          + " it)";
    }
    return "no such file";
  }

  private static void prepend(Deque<String> remaining, Path target) {
    Deque<String> names = new ArrayDeque<>();
    target.forEach(name -> names.addFirst(name.toString()));
    names.forEach(remaining::addFirst);
  }

  private static Path readLink(Path link, String source, int line) {
    try {
      return Path.of(Files.readSymbolicLink(link).toString());
    } catch (IOException e) {
      throw new InputException(source, line, "cannot follow " + link + ": " + IoErrors.reason(e));
    }
  }

  private InputException outside(Path configPath, String via, String source, int line) {
    return new InputException(
        source,
        line,
        shown(configPath)
            + " leads outside --config-root "
            + dir
            + " (through "
            + Display.line(via)
            + "); the config root is a boundary, so it is not read");
  }

  private static String shown(Path path) {
    return Display.line(path.toString());
  }
}
