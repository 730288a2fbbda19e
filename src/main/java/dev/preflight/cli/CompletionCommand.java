package dev.preflight.cli;

import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code preflight completion bash|zsh|fish}: prints a completion script for the shell. Bash and
 * zsh get picocli's generated script, which zsh runs through {@code bashcompinit}; fish gets one of
 * {@link FishCompletion}. Every command, option and accepted value is completed, in lower case.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a shell completion script for bash, zsh or fish.",
      "bash and zsh: source <(preflight completion bash); fish: preflight completion fish | source"
    })
final class CompletionCommand extends CommandBase {
  /** The shells a script is written for. */
  enum Shell {
    BASH,
    ZSH,
    FISH;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Parameters(index = "0", paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}.")
  Shell shell = Shell.BASH;

  @Override
  public Integer call() {
    CommandLine root = spec().root().commandLine();
    String script =
        switch (shell) {
          case BASH, ZSH -> AutoComplete.bash(root.getCommandName(), root);
          case FISH -> FishCompletion.script(root.getCommandSpec());
        };
    out().print(script);
    out().flush();
    return ExitCodes.READY;
  }
}
