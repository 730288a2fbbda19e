package dev.preflight.cli;

import java.util.Map;

/**
 * What the terminal allows: ANSI colour in the report only when standard output is a terminal (and
 * {@code NO_COLOR} is unset), a live progress line only when the console is interactive. Redirected
 * output, pipes and files get plain text and no progress.
 */
record Streams(boolean colour, boolean progress) {
  static Streams detect(Map<String, String> env, boolean reportToStdout) {
    // System.console() is null unless standard input and output are a terminal.
    boolean terminal = System.console() != null;
    boolean noColour = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"));
    return new Streams(terminal && reportToStdout && !noColour, terminal);
  }
}
