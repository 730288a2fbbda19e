package dev.preflight.cli;

import dev.preflight.common.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that maps failures to the contract's exit codes: bad options, bad input and
 * internal errors all become code 3 with one line on stderr; {@code --debug} adds the stack trace.
 */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int READY = 0;
  static final int DEGRADED = 1;
  static final int BLOCKED = 2;
  static final int UNKNOWN = 3;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("preflight: " + ex.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return UNKNOWN;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof InputException input) {
      err.println("preflight: " + input.getMessage());
    } else if (ex instanceof ParameterException param) {
      err.println("preflight: " + param.getMessage());
    } else {
      err.println("preflight: internal error: " + ex + " (run with --debug for details)");
    }
    if (isDebug(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return UNKNOWN;
  }

  private static boolean isDebug(ParseResult parsed) {
    return parsed.originalArgs().contains("--debug");
  }
}
