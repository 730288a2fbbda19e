package dev.preflight.policy.pac;

import org.mozilla.javascript.ScriptRuntime;

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
   * Shell-expression match of the whole string, case-sensitive, as {@link ShellPattern} describes
   * (the reference passes brackets through to its regular expression, so classes work there too).
   */
  static boolean shExpMatch(String text, String pattern) {
    return ShellPattern.compile(pattern).matches(text, HostHelpers::checkBudget);
  }

  private static void checkBudget() {
    CallState state = SandboxContextFactory.current();
    if (state != null) {
      state.check();
    }
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
    return ScriptRuntime.toInt32(ScriptRuntime.toNumber(part));
  }
}
