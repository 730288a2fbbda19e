package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The user catalog example in the README loads and does what the README says. */
@Timeout(60)
class ReadmeCatalogExampleTest {
  @Test
  void readmeExampleLoads(@TempDir Path dir) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("\n## Catalog");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    int end = readme.indexOf("```", start);
    Path example = dir.resolve("contoso.yaml");
    Files.writeString(example, readme.substring(start, end));

    Catalog catalog = CatalogLoader.load(List.of(example));

    assertThat(catalog.endpoint("contoso-cmg").orElseThrow().service()).isEqualTo("configmgr");
    assertThat(catalog.endpoint("intune-win32-cdn").orElseThrow().impact())
        .isEqualTo(Impact.BLOCKING);
  }
}
