package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped entry, written by the writer and loaded back, is the same entry (roots aside). */
@Timeout(60)
class CatalogYamlWriterTest {
  @TempDir Path dir;

  @Test
  void shippedCatalogSurvivesWriteAndLoad() throws IOException {
    Catalog shipped = CatalogLoader.shipped();
    StringWriter out = new StringWriter();
    CatalogYamlWriter.write(List.of("copy"), shipped.services(), shipped.endpoints(), out);
    Path file = Files.writeString(dir.resolve("copy.yaml"), out.toString(), StandardCharsets.UTF_8);

    Catalog loaded = CatalogLoader.load(List.of(file));

    assertThat(loaded.services()).isEqualTo(shipped.services());
    assertThat(loaded.endpoints()).hasSameSizeAs(shipped.endpoints());
    for (Endpoint original : shipped.endpoints()) {
      assertThat(loaded.endpoint(original.id())).contains(withoutRoots(original));
    }
  }

  @Test
  void headerBecomesCommentsAndEmptySectionsAreLeftOut() throws IOException {
    StringWriter out = new StringWriter();
    Service service = new Service("s", "S", "nothing works");
    CatalogYamlWriter.write(List.of("first", "second"), List.of(service), List.of(), out);
    assertThat(out.toString())
        .isEqualTo(
            "# first\n# second\nservices:\n  - id: \"s\"\n    name: \"S\"\n"
                + "    consequence: \"nothing works\"\n");
  }

  private static Endpoint withoutRoots(Endpoint e) {
    return e.toBuilder().roots(List.of()).build();
  }
}
