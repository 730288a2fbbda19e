package dev.preflight.cli;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.Secrets;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that maps failures to the contract's exit codes: bad options, bad input and
 * internal errors all become code 3 with one line on stderr — escaped, credentials redacted, never
 * a Java class name; a mistyped command or option gets the nearest ones as suggestions; {@code
 * --debug} adds the stack trace.
 */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int READY = 0;
  static final int UNKNOWN = 3;

  /** The longest message printed; a message quoting a file never takes over the terminal. */
  private static final int MAX_MESSAGE = 2000;

  /**
   * {@code message} as one safe line: credentials redacted, control characters shown escaped,
   * capped. Every line this class prints goes through here, whatever raised it.
   */
  static String shown(@Nullable String message) {
    return "preflight: " + Display.line(Secrets.redact(message), MAX_MESSAGE);
  }

  /** What exit code 3 means when no verdict was reached. */
  static final String UNKNOWN_MEANING = "bad arguments, unreadable input or an internal error";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(shown(ex.getMessage()));
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
    if (ex instanceof InputException || ex instanceof ParameterException) {
      err.println(shown(ex.getMessage()));
    } else {
      err.println(shown("internal error (run with --debug for the details)"));
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
