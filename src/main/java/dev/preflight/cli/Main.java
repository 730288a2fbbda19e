package dev.preflight.cli;

import dev.preflight.run.Concurrency;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code preflight} entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Concurrency.sizeVirtualThreadScheduler();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given streams and returns the exit code; never throws. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return PreflightCommand.commandLine(out, err).execute(args);
  }
}
