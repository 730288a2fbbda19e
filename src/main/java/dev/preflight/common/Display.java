package dev.preflight.common;

import org.jspecify.annotations.Nullable;

/**
 * The one escaping function for text that came from outside the tool — a peer's status line,
 * headers, certificate names, a PAC script's {@code alert()} text and routes, the contents of a
 * file quoted in an error — before it reaches a message or a report.
 *
 * <p>Control characters are shown, not obeyed: {@code ESC} becomes the four characters {@code
 * \x1b}, so no escape sequence from a hostile server can clear a terminal or set its title.
 * Invisible formatting characters (bidirectional overrides) are shown as {@code \u202e} so that
 * they cannot disguise the text around them. Text longer than the cap is cut and says how much was
 * left out: {@code … (1048576 more bytes)}. Renderers with their own syntax (HTML, XML, JSON, CSV)
 * escape on top of this.
 */
public final class Display {
  /** The default cap, in characters, for one value in a message or report. */
  public static final int MAX = 400;

  private static final int QUOTED_MAX = 100;

  private Display() {}

  /**
   * {@code text} with every control character except newline and tab escaped, capped at {@link
   * #MAX} characters; the empty string for null.
   */
  public static String text(@Nullable String text) {
    return escape(text, MAX, false);
  }

  /** {@code text} on one line: newline and tab are escaped too; capped at {@link #MAX}. */
  public static String line(@Nullable String text) {
    return escape(text, MAX, true);
  }

  /** {@link #line} with a cap of {@code max} characters of output before the omission note. */
  public static String line(@Nullable String text, int max) {
    return escape(text, max, true);
  }

  /**
   * A value quoted inside a message, as in {@code bad host 'a b'}: on one line, in single quotes,
   * capped at 100 characters, so a file's content never takes over the message that names it.
   */
  public static String quoted(@Nullable String text) {
    return "'" + escape(text, QUOTED_MAX, true) + "'";
  }

  /** {@link #text} with a cap of {@code max} characters of output before the omission note. */
  public static String text(@Nullable String text, int max) {
    return escape(text, max, false);
  }

  /**
   * True when {@link #text} shows {@code text} as itself, apart from the cap: no control or
   * invisible formatting character other than newline and tab. Readers of our own formats refuse
   * text that is not printable rather than keep it.
   */
  public static boolean printable(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (shown(c, false) != null) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static String escape(@Nullable String text, int max, boolean oneLine) {
    if (text == null) {
      return "";
    }
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      String shown = shown(c, oneLine);
      int width = shown == null ? Character.charCount(c) : shown.length();
      if (out.length() + width > max) {
        break;
      }
      if (shown == null) {
        out.appendCodePoint(c);
      } else {
        out.append(shown);
      }
      i += Character.charCount(c);
    }
    if (i < text.length()) {
      out.append("… (").append(utf8Length(text, i)).append(" more bytes)");
    }
    return out.toString();
  }

  /** How a code point is shown when it must not be printed as itself; null when it may be. */
  private static @Nullable String shown(int c, boolean oneLine) {
    if (c == '\n' || c == '\t') {
      return oneLine ? hex(c) : null;
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
      return hex(c);
    }
    if (Character.getType(c) == Character.FORMAT
        || Character.getType(c) == Character.SURROGATE
        || c == 0x2028
        || c == 0x2029) {
      return String.format("\\u%04x", c);
    }
    return null;
  }

  private static String hex(int c) {
    return String.format("\\x%02x", c);
  }

  private static long utf8Length(String text, int from) {
    long bytes = 0;
    for (int i = from; i < text.length(); ) {
      int c = text.codePointAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += Character.charCount(c);
    }
    return bytes;
  }
}
