package dev.preflight.verdict;

import org.jspecify.annotations.Nullable;

/**
 * Makes text that came from the network safe for a report: one line, printable characters only, and
 * bounded in length. Servers choose header values, certificate names and bodies; none of them may
 * break a table, inject terminal escape sequences or grow the report without bound.
 */
public final class Sentences {
  /** The longest detail or remedy kept, in characters. */
  public static final int MAX_LENGTH = 400;

  private Sentences() {}

  /** {@code text} on one line, control characters replaced, cut to {@link #MAX_LENGTH}. */
  public static String oneLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < MAX_LENGTH + 1; i++) {
      char c = text.charAt(i);
      boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || isFormat(c);
      if (blank) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (out.length() > MAX_LENGTH) {
      out.setLength(MAX_LENGTH - 3);
      out.append("...");
    }
    return out.toString();
  }

  /**
   * {@link #oneLine} as a sentence: a final period added when the text does not end in punctuation,
   * and the first letter upper-cased when the first word is a plain word (a host name such as
   * {@code ztd.dds.microsoft.com} keeps its case). Probe messages are written as clauses; the
   * report shows sentences.
   */
  public static String sentence(@Nullable String text) {
    String line = oneLine(text);
    if (line.isEmpty()) {
      return line;
    }
    int space = line.indexOf(' ');
    String firstWord = space < 0 ? line : line.substring(0, space);
    String first =
        firstWord.chars().allMatch(Character::isLetter)
            ? line.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + line.substring(1)
            : line;
    char last = first.charAt(first.length() - 1);
    return last == '.' || last == '!' || last == '?' || first.length() >= MAX_LENGTH
        ? first
        : first + ".";
  }

  private static boolean isFormat(char c) {
    // Bidirectional overrides and other invisible formatting characters can disguise text.
    return Character.getType(c) == Character.FORMAT;
  }
}
