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

  private static boolean isFormat(char c) {
    // Bidirectional overrides and other invisible formatting characters can disguise text.
    return Character.getType(c) == Character.FORMAT;
  }
}
