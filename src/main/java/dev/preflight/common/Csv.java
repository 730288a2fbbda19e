package dev.preflight.common;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The one CSV writer of the tool: RFC 4180 records, comma-separated, CRLF line ends, a field quoted
 * only when it holds a comma, a quote or a line break, inner quotes doubled.
 */
public final class Csv {
  private Csv() {}

  /** {@code text} as one field, quoted when RFC 4180 requires it. */
  public static String field(String text) {
    boolean quoted =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** Writes {@code fields} as one record, followed by CRLF. */
  public static void row(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields.get(i)));
    }
    out.write("\r\n");
  }
}
