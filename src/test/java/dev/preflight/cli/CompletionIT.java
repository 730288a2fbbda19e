package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of {@code preflight completion} in the real shells: bash completes commands and the
 * lower-case values of {@code --format}; zsh loads the same script through {@code bashcompinit} and
 * completes the same; fish completes commands, nested commands and values with {@code complete -C}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompletionIT {
  @TempDir static Path dir;
  private static Path bash;
  private static Path fish;

  @BeforeAll
  static void scripts() throws Exception {
    bash = dir.resolve("preflight.bash");
    fish = dir.resolve("preflight.fish");
    Files.writeString(bash, jar("completion", "bash"));
    Files.writeString(fish, jar("completion", "fish"));
    assertThat(jar("completion", "zsh")).isEqualTo(Files.readString(bash));
  }

  private static String jar(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                System.getProperty("preflight.jar", "target/preflight.jar")));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  /** What bash's completion function offers for {@code words}, the last being completed. */
  private static String bash(String... words) throws Exception {
    String array =
        String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
    return run(List.of(
            "bash",
            "-c",
            "source '"
                + bash
                + "'; COMP_WORDS=("
                + array
                + "); COMP_CWORD="
                + (words.length - 1)
                + "; _complete_preflight 2>/dev/null; echo \"${COMPREPLY[*]}\""))
        .strip();
  }

  @Test
  void bashCompletesCommandsAndLowerCaseValues() throws Exception {
    assertThat(bash("preflight", "che")).isEqualTo("check");
    assertThat(bash("preflight", "check", "--format", ""))
        .isEqualTo("text json csv markdown junit html");
    assertThat(bash("preflight", "check", "--scenario", "self")).isEqualTo("self-deploying");
    assertThat(bash("preflight", "completion", "")).contains("bash zsh fish");
  }

  @Test
  void zshLoadsTheScriptThroughBashcompinitAndCompletesTheSame() throws Exception {
    String out =
        run(
            List.of(
                "zsh",
                "-c",
                "autoload -U +X compinit && compinit -u; source '"
                    + bash
                    + "'; print -r -- \"registered: ${_comps[preflight]}\"; setopt ksharrays;"
                    + " COMP_WORDS=(preflight export --format ''); COMP_CWORD=3;"
                    + " _complete_preflight 2>/dev/null; print -r -- \"${COMPREPLY[*]}\""));
    assertThat(out)
        .contains("registered: _bash_complete -F _complete_preflight")
        .contains("domains pac squid csv json");
  }

  @Test
  void fishCompletesCommandsNestedCommandsAndValues() throws Exception {
    String out =
        run(
            List.of(
                "fish",
                "-c",
                "function preflight; end; source '"
                    + fish
                    + "'; complete -C 'preflight che'; echo ---; complete -C 'preflight catalog ';"
                    + " echo ---; complete -C 'preflight diff --format '; echo ---;"
                    + " complete -C 'preflight --color '"));
    String[] parts = out.split("---\n");
    assertThat(parts[0]).startsWith("check\tProbes the live network");
    assertThat(parts[1]).contains("list\t", "show\t", "import-m365\t").doesNotContain("check\t");
    assertThat(parts[2].lines().map(l -> l.split("\t")[0]).toList())
        .containsExactly("json", "markdown", "text");
    assertThat(parts[3].lines().map(l -> l.split("\t")[0]).toList())
        .containsExactly("always", "auto", "never");
  }
}
