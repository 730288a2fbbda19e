package dev.preflight.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one redaction for credentials in URLs and proxy strings, applied wherever they are echoed
 * (messages, report details, routes, environment): {@code http://user:pass@proxy:3128} is shown as
 * {@code http://user:***@proxy:3128}. preflight never sends credentials, and it never prints one
 * either.
 */
public final class Secrets {
  /**
   * A user-info part with a password: an optional {@code scheme://}, then {@code user:password@}
   * where neither part holds white space or a slash. The password may be empty and may hold an at
   * sign: the last {@code @} before the host ends it, as in a URI.
   */
  private static final Pattern USER_INFO =
      Pattern.compile("((?:[A-Za-z][A-Za-z0-9+.-]*://)?[^\\s:/@\"'<>]+):([^\\s/\"'<>]*)@");

  private Secrets() {}

  /**
   * {@code text} with the password of every {@code user:password@} it contains replaced by {@code
   * ***}; a URL or proxy string, or free text such as a PAC route. Null stays null.
   */
  public static @Nullable String redact(@Nullable String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    Matcher m = USER_INFO.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ":***@"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
