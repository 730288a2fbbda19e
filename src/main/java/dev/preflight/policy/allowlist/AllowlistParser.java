package dev.preflight.policy.allowlist;

import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an allowlist file in one of two shapes, detected from its first meaningful line: a plain
 * list (one host or wildcard a line; {@code #} starts a comment; blank lines are skipped) or CSV
 * whose header row names a host column ({@code host}, {@code hostname}, {@code fqdn}, {@code
 * domain}, {@code url}, {@code destination}, {@code pattern} or {@code address}, in any case).
 */
final class AllowlistParser {
  private static final Set<String> HOST_COLUMNS =
      Set.of("host", "hostname", "fqdn", "domain", "url", "destination", "pattern", "address");

  private final String file;
  private final List<AllowlistEntry> entries = new ArrayList<>();
  private int addresses;

  private AllowlistParser(String file) {
    this.file = file;
  }

  /** What the file holds. */
  record Result(List<AllowlistEntry> entries, int addressEntries) {}

  static Result parse(Path path) {
    List<String> lines = InputFiles.readText(path, InputKind.ALLOWLIST).lines().toList();
    AllowlistParser parser = new AllowlistParser(path.toString());
    int header = firstMeaningful(lines);
    if (header >= 0 && lines.get(header).contains(",")) {
      parser.csv(lines, header);
    } else {
      parser.plain(lines);
    }
    return new Result(List.copyOf(parser.entries), parser.addresses);
  }

  private static int firstMeaningful(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private void plain(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      int hash = text.indexOf('#');
      String value = (hash >= 0 ? text.substring(0, hash) : text).strip();
      if (!value.isEmpty()) {
        add(value, i + 1);
      }
    }
  }

  private void csv(List<String> lines, int headerLine) {
    List<String> header = CsvLine.fields(lines.get(headerLine), file, headerLine + 1);
    int column = hostColumn(header, headerLine + 1);
    for (int i = headerLine + 1; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank() || text.strip().startsWith("#")) {
        continue;
      }
      List<String> fields = CsvLine.fields(text, file, i + 1);
      if (fields.size() != header.size()) {
        throw new InputException(
            file,
            i + 1,
            "CSV row has " + fields.size() + " fields but the header has " + header.size());
      }
      add(fields.get(column), i + 1);
    }
  }

  private int hostColumn(List<String> header, int line) {
    for (int i = 0; i < header.size(); i++) {
      if (HOST_COLUMNS.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    throw new InputException(
        file, line, "CSV header has no host column (expected one of " + HOST_COLUMNS + ")");
  }

  private void add(String value, int line) {
    HostPattern.parse(value, file, line).ifPresentOrElse(entries::add, () -> addresses++);
  }
}
