package dev.preflight.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that does something shares: its spec, the streams and environment of the
 * command line it runs in, and the root's {@code --debug} and {@code --color}. Commands extend it
 * and implement {@link #call}; the exit code is theirs, failures go to {@link ExitCodes}.
 */
abstract class CommandBase implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  final CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }

  final PrintWriter out() {
    return spec().commandLine().getOut();
  }

  final PrintWriter err() {
    return spec().commandLine().getErr();
  }

  final PreflightCommand root() {
    return (PreflightCommand) spec().root().userObject();
  }

  /** The environment variables this command line sees. */
  final Map<String, String> environment() {
    return root().environment();
  }

  /** Which of standard output and standard error are terminals. */
  final Terminal terminal() {
    return root().terminal();
  }

  final boolean debug() {
    return root().debug;
  }

  /** True when a report or listing written to standard output (or not) gets colour. */
  final boolean colour(boolean toStdout) {
    return root().color.colour(environment(), toStdout && terminal().stdout());
  }
}
