package dev.preflight.policy.allowlist;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.preflight.common.Display;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV shape of an allowlist, read with FastCSV: RFC 4180 records, where a quoted field may hold
 * separators, doubled quotes and line breaks. The separator is the one of comma, semicolon (what
 * Excel writes where the decimal mark is a comma) and tab that makes the header name a host column.
 * Every row is named by the line it starts on, also when an earlier field spans lines.
 */
final class CsvAllowlist {
  /** Header names, in any case, of the column that holds the host. */
  static final Set<String> HOST_COLUMNS =
      Set.of("host", "hostname", "fqdn", "domain", "url", "destination", "pattern", "address");

  private static final List<Character> SEPARATORS = List.of(',', ';', '\t');
  private static final Pattern FAILED_ROW = Pattern.compile("started in line (\\d+)");

  /** Receives each row's host value, or why a row is rejected, with the row's first line. */
  interface Rows {
    void host(String value, int line);

    void reject(int line, String reason);
  }

  private CsvAllowlist() {}

  /** The separator that makes {@code header} name a host column, if one does. */
  static Optional<Character> separator(String header) {
    for (char separator : SEPARATORS) {
      if (header.indexOf(separator) >= 0 && hostColumn(fields(header, separator)) >= 0) {
        return Optional.of(separator);
      }
    }
    return Optional.empty();
  }

  /** Reads {@code text} with {@code separator}, whose header {@link #separator} accepted. */
  static void read(String text, char separator, Rows rows) {
    int column = -1;
    int width = 0;
    CsvRecord last = null;
    try (CsvReader<CsvRecord> reader = reader(separator).ofCsvRecord(text)) {
      for (CsvRecord record : reader) {
        if (comment(record)) {
          continue;
        }
        last = record;
        if (column < 0) {
          column = hostColumn(record.getFields());
          width = record.getFieldCount();
        } else {
          row(record, column, width, rows);
        }
      }
    } catch (CsvParseException e) {
      rows.reject(failedRow(e, last), why(e) + "; the rest of the file is not read");
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (last != null && OpenQuote.atEnd(text, (int) last.getStartingLineNumber(), separator)) {
      rows.reject((int) last.getStartingLineNumber(), "unterminated quoted CSV field");
    }
  }

  private static void row(CsvRecord record, int column, int width, Rows rows) {
    int line = (int) record.getStartingLineNumber();
    if (record.getFieldCount() != width) {
      rows.reject(
          line, "CSV row has " + record.getFieldCount() + " fields but the header has " + width);
    } else {
      rows.host(record.getField(column), line);
    }
  }

  private static CsvReader.CsvReaderBuilder reader(char separator) {
    return CsvReader.builder()
        .fieldSeparator(separator)
        .quoteCharacter('"')
        .commentStrategy(CommentStrategy.SKIP)
        .commentCharacter('#')
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(false)
        .trimWhitespacesAroundQuotes(true);
  }

  /** A row that is blank or whose first field starts with {@code #} (after blanks) is a comment. */
  private static boolean comment(CsvRecord record) {
    String first = record.getField(0).strip();
    return first.startsWith("#") || record.getFields().stream().allMatch(String::isBlank);
  }

  private static List<String> fields(String line, char separator) {
    try {
      return reader(separator).ofSingleCsvRecord(line).getFields();
    } catch (CsvParseException e) {
      return List.of();
    }
  }

  private static int hostColumn(List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      if (HOST_COLUMNS.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  private static String why(CsvParseException e) {
    String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    if (cause != null && cause.contains("after closing quote")) {
      return "text after a closing quote in a CSV field";
    }
    return "the CSV row cannot be read (" + Display.line(cause, 200) + ")";
  }

  /** The line of the row FastCSV failed on: it says so, else the row after the last one read. */
  private static int failedRow(CsvParseException e, CsvRecord last) {
    Matcher m = FAILED_ROW.matcher(String.valueOf(e.getMessage()));
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    return last == null ? 1 : (int) last.getStartingLineNumber() + 1;
  }
}
