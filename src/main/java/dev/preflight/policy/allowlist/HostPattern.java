package dev.preflight.policy.allowlist;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates and normalises one allowlist value. Accepted: {@code host.example.com}, {@code
 * *.example.com}, {@code .example.com}; a leading {@code scheme://}, a trailing {@code :port} or
 * {@code /path} and a trailing dot are dropped (firewall exports often carry them). Addresses and
 * CIDR blocks are recognised and set aside: catalog endpoints are names. Anything else, such as a
 * wildcard inside a name ({@code a.*.com}) or whitespace, is malformed.
 */
final class HostPattern {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
  private static final Pattern ADDRESS =
      Pattern.compile("[0-9.]+(/[0-9]+)?|[0-9a-f:]*:[0-9a-f:.]*(/[0-9]+)?");

  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
  private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}$");

  private HostPattern() {}

  /** The entry for {@code value}, or empty for an address entry. */
  static Optional<AllowlistEntry> parse(String value, String file, int line) {
    String text = strip(value.strip().toLowerCase(Locale.ROOT));
    if (ADDRESS.matcher(text).matches() && !text.isEmpty()) {
      return Optional.empty();
    }
    AllowlistEntry.Kind kind = AllowlistEntry.Kind.HOST;
    String name = text;
    if (text.startsWith("*.")) {
      kind = AllowlistEntry.Kind.SUBDOMAINS;
      name = text.substring(2);
    } else if (text.startsWith(".")) {
      kind = AllowlistEntry.Kind.DOMAIN_AND_SUBDOMAINS;
      name = text.substring(1);
    }
    checkName(name, value, file, line);
    return Optional.of(new AllowlistEntry(kind, name, Display.line(value.strip()), file, line));
  }

  private static String strip(String text) {
    String t = SCHEME.matcher(text).replaceFirst("");
    int slash = t.indexOf('/');
    if (slash >= 0 && !ADDRESS.matcher(t).matches()) {
      t = t.substring(0, slash);
    }
    t = PORT.matcher(t).replaceFirst("");
    return t.endsWith(".") && t.length() > 1 ? t.substring(0, t.length() - 1) : t;
  }

  private static void checkName(String name, String value, String file, int line) {
    if (name.isEmpty()) {
      String in = value.isBlank() ? "" : " in '" + shown(value) + "'";
      throw new InputException(file, line, "empty host" + in);
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw new InputException(file, line, "'" + shown(value) + "' contains whitespace");
    }
    if (name.contains("*")) {
      throw new InputException(
          file,
          line,
          "'"
              + shown(value)
              + "' has a wildcard that is not a leading '*.' (only *.example.com is supported)");
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        throw new InputException(file, line, "'" + shown(value) + "' is not a valid host name");
      }
    }
  }

  /** The value as a message quotes it: on one line, escaped, capped. */
  private static String shown(String value) {
    return Display.line(value.strip(), 200);
  }
}
