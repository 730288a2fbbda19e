package dev.preflight.cli;

import dev.preflight.common.StandardInput;
import dev.preflight.run.Concurrency;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** The {@code preflight} entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Concurrency.sizeVirtualThreadScheduler();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(System.in, out, err, System.getenv(), Terminal.detectOnce(), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given streams, no standard input and no terminal. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(InputStream.nullInputStream(), out, err, System.getenv(), () -> Terminal.NONE, args);
  }

  /** Runs one command in the given surroundings and returns the exit code; never throws. */
  static int run(
      InputStream in,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Supplier<Terminal> terminal,
      String... args) {
    StandardInput.use(in);
    return PreflightCommand.commandLine(out, err, environment, terminal, args).execute(args);
  }
}
