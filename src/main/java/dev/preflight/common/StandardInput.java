package dev.preflight.common;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process's standard input, for an input file named {@code -}. The command line hands it over
 * when a command starts ({@link #use}); {@link InputFiles} reads it, once: a second input named
 * {@code -} is refused rather than read as empty.
 */
public final class StandardInput {
  /** The file name that means standard input, for every input file option. */
  public static final String NAME = "-";

  /** How messages name it. */
  public static final String LABEL = "standard input";

  private static volatile InputStream stream = System.in;
  private static final AtomicBoolean taken = new AtomicBoolean();

  private StandardInput() {}

  /** Makes {@code in} the standard input of the commands that follow, not yet read. */
  public static void use(InputStream in) {
    stream = in;
    taken.set(false);
  }

  /** True when {@code name} is {@code -}. */
  public static boolean means(String name) {
    return NAME.equals(name);
  }

  /** The stream, the first time only. */
  static InputStream take() {
    if (taken.getAndSet(true)) {
      throw new InputException(LABEL, "can be read only once: give - for one input file at most");
    }
    return stream;
  }
}
