package dev.preflight.policy.pac;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The text of a PAC script and the name errors and evidence use for it (a file name or a URL).
 * Nothing is compiled or run here; {@link PacEngine#load} does that inside the sandbox.
 */
public record PacScript(String sourceName, String text) {

  /** Larger than any real PAC file; refuses to read a multi-gigabyte file into memory. */
  static final long MAX_BYTES = 16L << 20;

  public PacScript {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(text, "text");
  }

  /** A script fetched or built by the caller; {@code sourceName} names it in messages. */
  public static PacScript of(String sourceName, String text) {
    return new PacScript(sourceName, text);
  }

  /**
   * Reads a PAC file as UTF-8.
   *
   * @throws InputException naming the file when it cannot be read or exceeds 16 MiB
   */
  public static PacScript fromFile(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InputException(file.toString(), "PAC file larger than 16 MiB");
      }
      // Decoding replaces malformed bytes: a Latin-1 comment must not make the file unreadable.
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return new PacScript(file.toString(), text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read PAC file: " + e, e);
    }
  }

  /** The text of 1-based {@code line}, trimmed, or an empty string when out of range. */
  public String line(int line) {
    List<String> lines = text.lines().toList();
    return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
  }
}
