package dev.preflight.policy.allowlist;

import dev.preflight.common.InputException;
import java.util.ArrayList;
import java.util.List;

/** Splits one CSV record (RFC 4180 quoting: {@code "a,b"}, {@code ""} for a quote) into fields. */
final class CsvLine {
  private CsvLine() {}

  static List<String> fields(String text, String file, int line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
          if (i + 1 < text.length() && text.charAt(i + 1) != ',') {
            throw new InputException(file, line, "text after a closing quote in a CSV field");
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        field.setLength(0);
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new InputException(file, line, "unterminated quoted CSV field");
    }
    fields.add(field.toString());
    return fields;
  }
}
