package dev.preflight.policy.allowlist;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an allowlist in one of two shapes, told apart by its first line that is neither blank nor a
 * {@code #} comment: CSV when that line is a header naming a host column (see {@link
 * CsvAllowlist}), else a plain list (one host or wildcard a line; {@code #} starts a comment). The
 * text comes from the bounded reader, which has already removed a byte-order mark and decoded
 * UTF-16.
 *
 * <p>A malformed entry does not stop the reading: every rejected line is collected, and together
 * they are one {@link InputException} naming the file and each line, so one run shows everything to
 * fix.
 */
final class AllowlistParser implements CsvAllowlist.Rows {
  /** The most rejected lines a message lists; the rest are counted. */
  private static final int SHOWN = 20;

  private final String file;
  private final List<AllowlistEntry> entries = new ArrayList<>();
  private final List<InputException> rejected = new ArrayList<>();
  private int addresses;

  private AllowlistParser(String file) {
    this.file = file;
  }

  /** What the file holds. */
  record Result(List<AllowlistEntry> entries, int addressEntries) {}

  /** A line of the text with its 1-based number. */
  private record Line(int number, String text) {}

  /**
   * Parses {@code text}, read from {@code file}.
   *
   * @throws InputException naming every rejected line when any is rejected
   */
  static Result parse(String file, String text) {
    AllowlistParser parser = new AllowlistParser(file);
    List<String> lines = text.lines().toList();
    Optional<Line> header = firstMeaningful(lines);
    Optional<Character> separator = header.flatMap(h -> CsvAllowlist.separator(h.text()));
    if (separator.isPresent()) {
      CsvAllowlist.read(text, separator.get(), parser);
    } else if (header.isPresent() && looksLikeCsv(header.get().text())) {
      throw new InputException(
          file,
          header.get().number(),
          "CSV header "
              + Display.quoted(header.get().text())
              + " has no host column (expected one of "
              + CsvAllowlist.HOST_COLUMNS.stream().sorted().toList()
              + ")");
    } else {
      parser.plain(lines);
    }
    return parser.finish();
  }

  private static Optional<Line> firstMeaningful(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        return Optional.of(new Line(i + 1, lines.get(i)));
      }
    }
    return Optional.empty();
  }

  private static boolean looksLikeCsv(String header) {
    int hash = header.indexOf('#');
    String beforeComment = hash >= 0 ? header.substring(0, hash) : header;
    return beforeComment.indexOf(',') >= 0 || beforeComment.indexOf(';') >= 0;
  }

  private void plain(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      int hash = text.indexOf('#');
      String value = (hash >= 0 ? text.substring(0, hash) : text).strip();
      if (!value.isEmpty()) {
        host(value, i + 1);
      }
    }
  }

  @Override
  public void host(String value, int line) {
    try {
      HostPattern.parse(value, file, line).ifPresentOrElse(entries::add, () -> addresses++);
    } catch (InputException e) {
      rejected.add(e);
    }
  }

  @Override
  public void reject(int line, String reason) {
    rejected.add(new InputException(file, line, reason));
  }

  private Result finish() {
    if (rejected.size() == 1) {
      throw rejected.get(0);
    }
    if (!rejected.isEmpty()) {
      throw allRejected();
    }
    return new Result(List.copyOf(entries), addresses);
  }

  /** One exception for several rejected lines: the first line's, then one line for each other. */
  private InputException allRejected() {
    InputException first = rejected.get(0);
    StringBuilder reason = new StringBuilder(first.reason());
    rejected.stream()
        .skip(1)
        .limit(SHOWN - 1L)
        .forEach(e -> reason.append('\n').append(e.getMessage()));
    if (rejected.size() > SHOWN) {
      reason.append("\n… and ").append(rejected.size() - SHOWN).append(" more rejected lines");
    }
    reason.append('\n').append(file).append(": ").append(rejected.size());
    reason.append(" lines rejected; the allowlist is not judged");
    return new InputException(file, first.line(), reason.toString());
  }
}
