package dev.preflight.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths and line-based lists under {@code src/test/resources/catalog}. */
public final class CatalogFixtures {
  /** The fixture directory, relative to the project root where the build runs tests. */
  public static final Path DIR = Path.of("src", "test", "resources", "catalog");

  private CatalogFixtures() {}

  public static Path good(String name) {
    return DIR.resolve("good").resolve(name);
  }

  public static Path bad(String name) {
    return DIR.resolve("bad").resolve(name);
  }

  /** The non-blank, non-comment lines of a fixture file. */
  public static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One rejected-catalog case: the fixture, the line and the exact reason expected. */
  public record Rejection(Path file, int line, String reason) {
    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  /** Every case listed in {@code bad/expected.tsv}. */
  public static List<Rejection> rejections() {
    return lines(DIR.resolve("bad").resolve("expected.tsv")).stream()
        .map(line -> line.split("\t", 3))
        .map(cols -> new Rejection(bad(cols[0]), Integer.parseInt(cols[1]), cols[2]))
        .toList();
  }
}
