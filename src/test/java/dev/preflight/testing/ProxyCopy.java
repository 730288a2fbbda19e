package dev.preflight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code config-root} fixture: a proxy's {@code /etc/squid} whose include and acl files are
 * named by absolute path, copied into a directory as an admin copies it to a laptop.
 */
public final class ProxyCopy {
  private ProxyCopy() {}

  /** Copies the tree to {@code target} (created) and returns {@code target}, the copy's root. */
  public static Path into(Path target) {
    try {
      Path source = Path.of(ProxyCopy.class.getResource("/config-root").toURI());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(source)) {
        files = walk.sorted().toList();
      }
      for (Path file : files) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The copy's squid.conf. */
  public static Path squidConf(Path root) {
    return root.resolve("etc/squid/squid.conf");
  }
}
