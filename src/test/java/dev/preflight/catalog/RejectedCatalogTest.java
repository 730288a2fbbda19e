package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.CatalogFixtures.Rejection;
import dev.preflight.common.InputException;
import dev.preflight.common.InputKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed catalog file is rejected whole, with its file, line and reason. */
@Timeout(60)
class RejectedCatalogTest {
  static List<Rejection> rejections() {
    return CatalogFixtures.rejections();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejectsWithFileLineAndReason(Rejection expected) {
    assertThatThrownBy(() -> CatalogLoader.load(List.of(expected.file())))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.source()).isEqualTo(expected.file().toString());
              assertThat(e.line()).isEqualTo(expected.line());
              assertThat(e.reason()).isEqualTo(expected.reason());
            });
  }

  @Test
  void everyBadFixtureHasAnExpectation() throws IOException {
    try (Stream<Path> files = Files.list(CatalogFixtures.DIR.resolve("bad"))) {
      List<String> yaml =
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).toList();
      assertThat(rejections())
          .extracting(Rejection::toString)
          .containsExactlyInAnyOrderElementsOf(yaml);
    }
  }

  @Test
  void aBadFileAfterAGoodOneRejectsTheWholeLoad() {
    Path bad = CatalogFixtures.bad("unknown-tpm.yaml");
    assertThatThrownBy(() -> CatalogLoader.load(List.of(CatalogFixtures.good("contoso.yaml"), bad)))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(bad + ":7: unknown tpm 'infineon'");
    assertThat(CatalogLoader.shipped().endpoint("contoso-cmg")).isEmpty();
  }

  @Test
  void missingFileIsUnreadable(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> CatalogLoader.load(List.of(missing)))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": cannot read: no such file");
  }

  @Test
  void directoryIsUnreadable(@TempDir Path dir) {
    assertThatThrownBy(() -> CatalogLoader.load(List.of(dir)))
        .isInstanceOf(InputException.class)
        .hasMessage(dir + ": cannot read: it is a directory");
  }

  @Test
  void hugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(InputKind.CATALOG.maxBytes() + 1);
    }
    assertThatThrownBy(() -> CatalogLoader.load(List.of(huge)))
        .isInstanceOf(InputException.class)
        .hasMessage(huge + ": the catalog file is larger than 16 MiB");
  }

  @Test
  void deeplyNestedYamlIsAnInputError(@TempDir Path dir) throws IOException {
    Path deep = dir.resolve("deep.yaml");
    Files.writeString(deep, "endpoints: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    assertThatThrownBy(() -> CatalogLoader.load(List.of(deep)))
        .isInstanceOf(InputException.class)
        .hasMessage(deep + ": nested too deeply for a catalog (over 64 levels)");
  }
}
