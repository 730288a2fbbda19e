package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's documented limits are the real ones: a file under 16 MiB is not called malformed
 * because a parser stops earlier, a very long line is refused by its length, and catalog text that
 * would reach a terminal holds no control characters.
 */
@Timeout(60)
class CatalogLimitsTest {
  private static final String HEADER =
      """
      services:
        - id: big
          name: %s
          consequence: None.
      endpoints:
        - id: big-one
          service: big
          host: big.example
          protocol: https
          ports: [443]
          impact: DEGRADED
          source: {page: test, date: 2026-11-26}
      """;

  @TempDir Path dir;

  private Path catalog(String name, String endpointTail) throws IOException {
    return Files.writeString(dir.resolve("big.yaml"), HEADER.formatted(name) + endpointTail);
  }

  @Test
  void moreCodePointsThanSnakeYamlAllowsByDefaultStillLoad() throws IOException {
    // 3.3 M code points: over SnakeYAML's default of 3 Mi, well under the 16 MiB file limit.
    StringBuilder note = new StringBuilder("    note: >-\n");
    String line = "      " + "x".repeat(1000) + "\n";
    note.append(line.repeat(3300));
    Path file = catalog("Big", note.toString());

    Catalog catalog = CatalogLoader.load(List.of(file));

    assertThat(catalog.endpoint("big-one").orElseThrow().note()).hasSizeGreaterThan(3_300_000);
  }

  @Test
  void aLineLongerThanTheLimitIsRefusedByItsLength() throws IOException {
    Path file = catalog("Big", "    note: \"" + "y".repeat(100_000) + "\"\n");

    assertThatThrownBy(() -> CatalogLoader.load(List.of(file)))
        .isInstanceOf(InputException.class)
        .hasMessage(
            file
                + ":13: the line is longer than 65536 characters, the most the catalog file may"
                + " have");
  }

  @Test
  void aControlCharacterInCatalogTextIsRefusedAndShownEscaped() throws IOException {
    Path file = catalog("\"Evil \\e[2J\\e]0;owned\\a\"", "");

    assertThatThrownBy(() -> CatalogLoader.load(List.of(file)))
        .isInstanceOf(InputException.class)
        .hasMessage(
            file
                + ":3: 'name' in service 'big' holds a control character: 'Evil"
                + " \\x1b[2J\\x1b]0;owned\\x07'");
  }

  @Test
  void aHugeUnknownKeyIsQuotedShort() throws IOException {
    Path file = Files.writeString(dir.resolve("key.yaml"), "z".repeat(900) + ": 1\n");

    assertThatThrownBy(() -> CatalogLoader.load(List.of(file)))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).contains("more bytes"));
  }
}
