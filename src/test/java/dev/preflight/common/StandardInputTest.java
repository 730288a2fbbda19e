package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An input file named {@code -} is standard input, read once, within the kind's limits. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StandardInputTest {
  @AfterEach
  void restore() {
    StandardInput.use(System.in);
  }

  private static void given(String text) {
    StandardInput.use(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void dashReadsStandardInput() {
    given("*.manage.microsoft.com\n");

    assertThat(InputFiles.readText(Path.of("-"), InputKind.ALLOWLIST))
        .isEqualTo("*.manage.microsoft.com\n");
  }

  @Test
  void aSecondDashIsRefusedInsteadOfReadAsEmpty() {
    given("one\n");
    InputFiles.readText(Path.of("-"), InputKind.ALLOWLIST);

    assertThatThrownBy(() -> InputFiles.readBytes(Path.of("-"), InputKind.CATALOG))
        .isInstanceOf(InputException.class)
        .hasMessage("standard input: can be read only once: give - for one input file at most");
  }

  @Test
  void theKindsSizeLimitHoldsForStandardInput() {
    given("x".repeat(5000));

    assertThatThrownBy(() -> InputFiles.readText(Path.of("-"), InputKind.TOKEN))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("standard input: the token file is larger than 4 KiB");
  }
}
