package dev.preflight.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: holds the subcommands and the options every one of them accepts. */
@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Tells whether this network is ready for Windows Autopilot, and why not.",
    subcommands = {
      CheckCommand.class,
      AnalyzeCommand.class,
      ExportCommand.class,
      CatalogCommand.class,
      ServeCommand.class,
      DiffCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:READY: every endpoint the scenario needs passed",
      "1:DEGRADED: Autopilot would finish, but something it uses is missing",
      "2:BLOCKED: Autopilot would fail",
      "3:UNKNOWN: the tool could not judge (an endpoint Autopilot needs, bad arguments,"
          + " unreadable input, internal error)"
    })
public final class PreflightCommand implements Runnable {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and per-phase events on stderr.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /** A fully configured command line writing to the given streams. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    ExitCodes exitCodes = new ExitCodes();
    CommandLine cmd = new CommandLine(new PreflightCommand());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(exitCodes);
    cmd.setParameterExceptionHandler(exitCodes);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExitCodeExceptionMapper(t -> ExitCodes.UNKNOWN);
    return cmd;
  }
}
