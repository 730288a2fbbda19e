package dev.preflight.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of this machine's stock Debian {@code /etc/squid} (the squid package's own {@code
 * squid.conf}, which includes {@code /etc/squid/conf.d/*.conf}) with an exported fragment dropped
 * into {@code conf.d/}, as a network team installs it. The package is required: without it the test
 * fails with a message saying how to install it.
 */
public final class StockSquidTree {
  /** The stock configuration directory. */
  public static final Path STOCK = Path.of("/etc/squid");

  private StockSquidTree() {}

  /**
   * Copies the stock {@code squid.conf} and {@code conf.d/} to {@code root/etc/squid} and writes
   * {@code fragment} as {@code conf.d/preflight.conf}; returns the copy's {@code squid.conf}.
   */
  public static Path withFragment(Path root, String fragment) {
    if (!Files.isRegularFile(STOCK.resolve("squid.conf"))) {
      fail(
          STOCK
              + "/squid.conf is missing: install the Debian package squid-openssl (.ci/run does)");
    }
    try {
      Path etc = Files.createDirectories(root.resolve("etc/squid/conf.d"));
      Files.copy(STOCK.resolve("squid.conf"), etc.getParent().resolve("squid.conf"));
      for (Path file : stockIncludes()) {
        Files.copy(file, etc.resolve(file.getFileName()));
      }
      Files.writeString(etc.resolve("preflight.conf"), fragment);
      return etc.getParent().resolve("squid.conf");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> stockIncludes() throws IOException {
    Path confD = STOCK.resolve("conf.d");
    if (!Files.isDirectory(confD)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(confD)) {
      return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
    }
  }
}
