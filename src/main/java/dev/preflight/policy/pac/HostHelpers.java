package dev.preflight.policy.pac;

import java.util.regex.Pattern;

/**
 * The PAC helpers that look only at strings, with the semantics of the Netscape/Mozilla reference
 * implementation that browsers and WinHTTP share, quirks included (each noted where it surprises).
 */
final class HostHelpers {
  private HostHelpers() {}

  /** True when {@code host} has no dot (and no colon, so IPv6 literals are not plain). */
  static boolean isPlainHostName(String host) {
    return host.indexOf('.') < 0 && host.indexOf(':') < 0;
  }

  /**
   * A plain suffix test, as in the reference implementation: {@code dnsDomainIs("badexample.com",
   * "example.com")} is true. Scripts that mean "this domain" pass {@code ".example.com"}.
   */
  static boolean dnsDomainIs(String host, String domain) {
    return host.length() >= domain.length() && host.endsWith(domain);
  }

  /**
   * True for an exact match, or when {@code host} is unqualified and {@code hostdom} starts with it
   * and a dot. As in the reference, any {@code hostdom} that starts with {@code host + "."}
   * matches.
   */
  static boolean localHostOrDomainIs(String host, String hostdom) {
    return host.equals(hostdom) || hostdom.startsWith(host + ".");
  }

  /** The number of dots in {@code host}. */
  static int dnsDomainLevels(String host) {
    return (int) host.chars().filter(c -> c == '.').count();
  }

  /**
   * Shell-expression match of the whole string, case-sensitive: {@code *} matches any run, {@code
   * ?} one character, {@code [...]} a character class (the reference passes brackets through to its
   * regular expression); every other character is literal.
   */
  static boolean shExpMatch(String text, String pattern) {
    return toRegex(pattern).matcher(text).matches();
  }

  static Pattern toRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (close > 0) {
        regex.append(bracket(pattern.substring(i + 1, close)));
        i = close;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** A character class with only ranges, negation and literal characters allowed. */
  private static String bracket(String body) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean negation = i == 0 && (c == '^' || c == '!');
      boolean range = c == '-' && i > 0 && i < body.length() - 1;
      if (negation) {
        out.append('^');
      } else if (range) {
        out.append('-');
      } else {
        out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
      }
    }
    return out.append(']').toString();
  }

  /**
   * The reference {@code convert_addr}: the dotted parts, each taken modulo 256 as JavaScript's
   * {@code &} would, packed into a signed 32-bit integer. Missing or non-numeric parts count as 0.
   */
  static int convertAddr(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    int result = 0;
    for (int i = 0; i < 4; i++) {
      result = (result << 8) | (i < parts.length ? jsInt32(parts[i]) & 0xff : 0);
    }
    return result;
  }

  private static int jsInt32(String part) {
    double value = org.mozilla.javascript.ScriptRuntime.toNumber(part);
    return org.mozilla.javascript.ScriptRuntime.toInt32(value);
  }
}
