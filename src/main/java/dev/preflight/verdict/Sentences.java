package dev.preflight.verdict;

import dev.preflight.common.Display;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes a probe's clause a report sentence: one line, white space collapsed, and shown through
 * {@link Display} — control characters escaped, the length capped — since servers choose header
 * values, certificate names and bodies, and none of them may break a table, drive a terminal or
 * grow the report without bound.
 */
public final class Sentences {
  /** The longest detail or remedy kept, in characters, before the omission note. */
  public static final int MAX_LENGTH = Display.MAX;

  private static final Pattern WHITE_SPACE = Pattern.compile("[ \\t\\n\\r\\f\\u000b]+");

  private Sentences() {}

  /** {@code text} on one line, runs of white space as one space, shown by {@link Display}. */
  public static String oneLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String collapsed = WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    return Display.line(collapsed, MAX_LENGTH);
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
    boolean cut = first.endsWith(" more bytes)");
    return last == '.' || last == '!' || last == '?' || cut ? first : first + ".";
  }
}
