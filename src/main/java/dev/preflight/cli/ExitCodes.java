package dev.preflight.cli;

import dev.preflight.common.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that maps failures to the contract's exit codes: bad options, bad input and
 * internal errors all become code 3 with one line on stderr; a mistyped command or option gets the
 * nearest ones as suggestions; {@code --debug} adds the stack trace.
 */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int READY = 0;
  static final int UNKNOWN = 3;

  /** What exit code 3 means when no verdict was reached. */
  static final String UNKNOWN_MEANING = "bad arguments, unreadable input or an internal error";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("preflight: " + ex.getMessage());
    if (ex instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
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
