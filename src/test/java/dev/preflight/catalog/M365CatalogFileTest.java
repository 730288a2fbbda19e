package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.preflight.testing.Golden;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The catalog file written from an import: golden output, independent of set order. */
@Timeout(60)
class M365CatalogFileTest {
  @TempDir Path dir;

  static String yaml(M365Import result) throws IOException {
    StringWriter out = new StringWriter();
    CatalogYamlWriter.write(List.of("test header"), result.services(), result.endpoints(), out);
    return out.toString();
  }

  @Test
  void sampleImportMatchesGoldenCatalog() throws IOException {
    Path file = M365Fixtures.copy("worldwide-sample.json", dir);
    Golden.assertMatches(
        "m365/worldwide-sample.yaml",
        yaml(M365Importer.importFile(file, M365Importer.Options.ALL)));
  }

  @Test
  void reversedSetOrderGivesTheSameCatalog() throws IOException {
    Path file = M365Fixtures.copy("worldwide-sample.json", dir);
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode sets = (ArrayNode) mapper.readTree(file.toFile());
    List<com.fasterxml.jackson.databind.JsonNode> reversed = new ArrayList<>();
    sets.forEach(reversed::add);
    Collections.reverse(reversed);
    Path other = Files.createDirectories(dir.resolve("reversed")).resolve(file.getFileName());
    mapper.writeValue(other.toFile(), mapper.createArrayNode().addAll(reversed));
    Files.setLastModifiedTime(other, FileTime.from(M365Fixtures.MODIFIED));
    assertThat(yaml(M365Importer.importFile(other, M365Importer.Options.ALL)))
        .isEqualTo(yaml(M365Importer.importFile(file, M365Importer.Options.ALL)));
  }

  @Test
  void quotingEscapesWhatYamlWouldMisread() {
    assertThat(CatalogYamlWriter.quote("say \"no\"\\\n\u2028"))
        .isEqualTo("\"say \\\"no\\\"\\\\\\u000a\\u2028\"");
    assertThat(CatalogYamlWriter.quote("no")).isEqualTo("\"no\"");
  }
}
