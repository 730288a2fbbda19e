package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Splits a logical line into words as Squid's ConfigParser does: whitespace, quotes, comments. */
final class Tokenizer {
  private Tokenizer() {}

  static List<Token> tokens(String text, Path file, int line) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        break;
      } else if (c == '"') {
        int end = closingQuote(text, i + 1, file, line);
        tokens.add(new Token(text.substring(i + 1, end).replace("\\\"", "\""), true));
        i = end + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        tokens.add(new Token(text.substring(i, end), false));
        i = end;
      }
    }
    return tokens;
  }

  private static int closingQuote(String text, int from, Path file, int line) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '"') {
        return i;
      }
    }
    throw new InputException(file, line, "unterminated quoted value");
  }

  /** The tokens as one line, quoting quoted ones again. */
  static String join(List<Token> tokens) {
    return tokens.stream()
        .map(t -> t.quoted() ? "\"" + t.text() + "\"" : t.text())
        .collect(Collectors.joining(" "));
  }
}
