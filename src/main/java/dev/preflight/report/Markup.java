package dev.preflight.report;

import org.jspecify.annotations.Nullable;

/**
 * The escaping of text for the markup formats, shared by the report renderers and the monitor's
 * pages: HTML character data and attribute values, and one-line Markdown table cells. Text from
 * outside has already passed {@link dev.preflight.common.Display}; this escaping comes on top.
 */
public final class Markup {
  private Markup() {}

  /** Text as HTML character data or a quoted attribute value; null becomes empty. */
  public static String html(@Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** One line of text whose Markdown and HTML characters show as themselves. */
  public static String markdown(String text) {
    return text.replaceAll("[\\r\\n]+", " ")
        .replace("\\", "\\\\")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")
        .replace("[", "\\[");
  }

  /** {@link #markdown} for a table cell, where a pipe would end the cell; null becomes empty. */
  public static String markdownCell(@Nullable String text) {
    return text == null ? "" : markdown(text).replace("|", "\\|");
  }
}
