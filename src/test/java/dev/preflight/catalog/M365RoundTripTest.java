package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An imported catalog file loads with the shipped catalog and keeps every imported fact. */
@Timeout(60)
class M365RoundTripTest {
  @TempDir Path dir;

  @Test
  void importedFileLoadsAndKeepsEveryEntry() throws IOException {
    M365Import imported =
        M365Importer.importFile(
            M365Fixtures.copy("worldwide-sample.json", dir), M365Importer.Options.ALL);
    Path file = dir.resolve("m365.yaml");
    Files.writeString(file, M365CatalogFileTest.yaml(imported), StandardCharsets.UTF_8);

    Catalog catalog = CatalogLoader.load(List.of(file));

    assertThat(catalog.endpoints()).containsAll(imported.endpoints());
    assertThat(catalog.services()).containsAll(imported.services());
    assertThat(catalog.endpoints().size())
        .isEqualTo(CatalogLoader.shipped().endpoints().size() + imported.endpoints().size());
  }

  @Test
  void filteredImportLoadsToo() throws IOException {
    M365Import imported =
        M365Importer.importFile(
            M365Fixtures.copy("worldwide-sample.json", dir),
            new M365Importer.Options(java.util.Set.of("MEM"), true));
    Path file = dir.resolve("mem.yaml");
    Files.writeString(file, M365CatalogFileTest.yaml(imported), StandardCharsets.UTF_8);
    assertThat(CatalogLoader.load(List.of(file)).endpoints()).containsAll(imported.endpoints());
  }
}
