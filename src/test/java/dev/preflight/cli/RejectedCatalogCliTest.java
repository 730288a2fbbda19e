package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.CatalogFixtures;
import dev.preflight.catalog.CatalogFixtures.Rejection;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A rejected catalog file is one line on stderr with its file and line, and exit code 3. */
@Timeout(60)
class RejectedCatalogCliTest {
  static List<Rejection> rejections() {
    return CatalogFixtures.rejections();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void listExits3WithFileLineAndReason(Rejection expected) {
    CliRun run = CliRun.of("catalog", "list", "--catalog", expected.file().toString());
    String where =
        expected.line() > 0 ? expected.file() + ":" + expected.line() : expected.file().toString();
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("preflight: " + where + ": " + expected.reason() + "\n");
  }
}
