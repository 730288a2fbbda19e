package dev.preflight.policy.allowlist;

/**
 * Finds a quoted CSV field left open at the end of the text. FastCSV reads such a field to the end
 * of the input without complaint; an allowlist that ends inside quotes has lost its last rows, so
 * it is rejected instead.
 */
final class OpenQuote {
  private OpenQuote() {}

  /** Whether the row starting at 1-based {@code line} ends the text inside a quoted field. */
  static boolean atEnd(String text, int line, char separator) {
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = offset(text, line); i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
      } else if (c == separator || c == '\n' || c == '\r') {
        fieldStart = true;
      } else if (c != ' ' && c != '\t') {
        fieldStart = false;
      }
    }
    return quoted;
  }

  /** Where 1-based {@code line} starts; lines end at LF, CR or CRLF, as FastCSV counts them. */
  private static int offset(String text, int line) {
    int current = 1;
    int i = 0;
    while (current < line && i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
        i++;
      }
      if (c == '\n' || c == '\r') {
        current++;
      }
    }
    return i;
  }
}
