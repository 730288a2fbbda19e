package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run builds only the command it names, and the command line behaves as if every command were
 * there: the help, the version, completion and the suggestions for a misspelt command see them all.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandsOnDemandTest {
  private static final List<String> ALL =
      List.of("check", "analyze", "export", "catalog", "serve", "diff", "completion");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "check --timeout 5s               | check",
        "--debug --color never check      | check",
        "--color=always analyze report.json | analyze",
        "catalog show check               | catalog",
        "--debug serve --listen :9464     | serve",
      })
  void aNamedCommandIsBuiltAlone(String args, String command) {
    assertThat(PreflightCommand.commandsFor(args.trim().split(" +"))).containsExactly(command);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--help check",
        "-V",
        "completion bash",
        "chek --timeout 5s",
        "--colour never check",
        "--color",
      })
  void theHelpTheVersionCompletionAndMistakesGetEveryCommand(String args) {
    assertThat(PreflightCommand.commandsFor(args.trim().split(" +")))
        .containsExactlyElementsOf(ALL);
  }

  @Test
  void noArgumentsGetEveryCommand() {
    assertThat(PreflightCommand.commandsFor()).containsExactlyElementsOf(ALL);
  }

  @Test
  void theRootHelpListsEveryCommandEvenWhenOneIsNamedAfterIt() {
    ConventionsTest.Run run = ConventionsTest.run(Map.of(), Terminal.NONE, "--help", "check");

    assertThat(run.code()).isZero();
    for (String command : ALL) {
      assertThat(run.out()).containsPattern("(?m)^  " + command + " ");
    }
  }

  @Test
  void aCommandBuiltAloneKeepsTheRootsOptionsAndItsExitCodes() {
    ConventionsTest.Run run =
        ConventionsTest.run(Map.of(), Terminal.NONE, "check", "--color", "never", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("--debug").contains("Exit codes:").contains("BLOCKED");
  }

  @Test
  void aMisspeltCommandIsStillMatchedAgainstEveryCommand() {
    ConventionsTest.Run run = ConventionsTest.run(Map.of(), Terminal.NONE, "analyse");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("analyze");
  }
}
