package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real processes: output, a missing tool, one that never ends, one that never stops talking. */
@Timeout(30)
class SystemToolTest {
  @Test
  void returnsWhatTheToolPrintsButNotItsErrors() {
    String output =
        SystemTool.run(Duration.ofSeconds(10), List.of("sh", "-c", "echo answer; echo noise >&2"));

    assertThat(output).isEqualTo("answer\n");
  }

  @Test
  void aMissingToolIsNamed() {
    assertThatThrownBy(() -> SystemTool.run(Duration.ofSeconds(5), List.of("no-such-tool-here")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no-such-tool-here")
        .hasMessageContaining("cannot run it");
  }

  @Test
  void aToolThatNeverFinishesIsStoppedAtTheDeadline() {
    assertThatThrownBy(() -> SystemTool.run(Duration.ofMillis(300), List.of("sleep", "30")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("sleep");
  }

  @Test
  void endlessOutputIsCutAtTheSizeLimit() {
    assertThatThrownBy(
            () ->
                SystemTool.run(
                    Duration.ofSeconds(20),
                    List.of("sh", "-c", "while :; do echo 0123456789abcdef; done")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("larger than 1 MiB");
  }
}
