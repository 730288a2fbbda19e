package dev.preflight.policy.pac;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of a PAC script and the name errors and evidence use for it (a file name or a URL).
 * Nothing is compiled or run here; {@link PacEngine#load} does that inside the sandbox.
 */
public record PacScript(String sourceName, String text) {

  public PacScript {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(text, "text");
  }

  /** A script fetched or built by the caller; {@code sourceName} names it in messages. */
  public static PacScript of(String sourceName, String text) {
    return new PacScript(sourceName, text);
  }

  /**
   * Reads a PAC file within the limits of {@link InputKind#PAC}: UTF-8, bytes that are not UTF-8
   * replaced (a comment in a legacy code page must not make the file unreadable).
   *
   * @throws InputException naming the file when it cannot be read or exceeds a limit
   */
  public static PacScript fromFile(Path file) {
    return new PacScript(file.toString(), InputFiles.readText(file, InputKind.PAC));
  }

  /**
   * The text of 1-based {@code line}, trimmed, escaped and capped for a report, or an empty string
   * when out of range.
   */
  public String line(int line) {
    if (line < 1) {
      return "";
    }
    return text.lines().skip(line - 1L).findFirst().map(l -> Display.line(l.strip())).orElse("");
  }
}
