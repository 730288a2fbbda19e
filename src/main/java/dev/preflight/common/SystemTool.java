package dev.preflight.common;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the operating system's own tools ({@code reg}, {@code netsh}, {@code scutil}, {@code
 * gsettings}, {@code ipconfig}) and returns what it printed, so that settings are read the way an
 * administrator reads them and no native code is needed. Bounded like an input file: the output is
 * capped at {@link InputKind#TOOL_OUTPUT}'s size and line limits, and the tool gets {@code
 * deadline} to finish, after which it is killed. Standard input is closed at once; standard error
 * is discarded, because tools print warnings there that are not part of their answer.
 */
public final class SystemTool {
  private SystemTool() {}

  /**
   * The standard output of {@code command}.
   *
   * @throws InputException naming the tool when it cannot be started, prints more than the limit,
   *     or does not finish within {@code deadline}
   */
  public static String run(Duration deadline, List<String> command) {
    String name = command.get(0);
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try {
        process.getOutputStream().close();
        String output =
            InputFiles.readText(
                process.getInputStream(), name, InputKind.TOOL_OUTPUT.withDeadline(deadline));
        process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        return output;
      } finally {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      throw new InputException(name, "cannot run it: " + IoErrors.reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(name, "interrupted");
    }
  }
}
