package dev.preflight.common;

import java.nio.file.Path;

/**
 * Bad input the tool cannot judge: an unreadable or malformed file, or an invalid option value.
 *
 * <p>The message names the file and, where known, the line, so the command line can print it as one
 * sentence and exit with code 3. It is never thrown for network trouble: probes report that as
 * data.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String reason;

  /** A problem with {@code source} (a file name or an option such as {@code --timeout}). */
  public InputException(String source, int line, String reason) {
    super(format(source, line, reason));
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  public InputException(String source, String reason) {
    this(source, 0, reason);
  }

  public InputException(Path file, int line, String reason) {
    this(file.toString(), line, reason);
  }

  public InputException(String source, int line, String reason, Throwable cause) {
    this(source, line, reason);
    initCause(cause);
  }

  /** The file or option at fault. */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when the problem is not tied to one line. */
  public int line() {
    return line;
  }

  /** The reason alone, without the file and line. */
  public String reason() {
    return reason;
  }

  private static String format(String source, int line, String reason) {
    return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
  }
}
