package dev.preflight.policy.pac;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.Secrets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/** Turns what {@code FindProxyForURL} returned into a checked string and then into routes. */
final class PacAnswer {
  /** The most fallback routes read from one answer. */
  static final int MAX_ROUTES = 64;

  private PacAnswer() {}

  /** The script answered with something other than a string; the message is its type. */
  static final class NotAString extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAString(String typeWithArticle) {
      super(typeWithArticle, null, false, false);
    }
  }

  /**
   * The returned string, measured before it is flattened; null for null or undefined. Runs on the
   * sandbox thread, inside the evaluation's budgets.
   *
   * @throws NotAString for numbers, objects, booleans and functions
   */
  static @Nullable String text(@Nullable Object value, CallState state) {
    if (value == null || value instanceof Undefined) {
      return null;
    }
    boolean stringObject = value instanceof Scriptable s && "String".equals(s.getClassName());
    if (!(value instanceof CharSequence) && !stringObject) {
      String type = ScriptRuntime.typeof(value);
      throw new NotAString(("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type);
    }
    long limit = state.limits.stringLength();
    long length =
        value instanceof CharSequence cs
            ? BoundedStrings.length(cs, limit)
            : (long)
                ScriptRuntime.toNumber(ScriptableObject.getProperty((Scriptable) value, "length"));
    if (length > limit) {
      throw state.violation("returned a string of more than " + limit + " characters");
    }
    return Context.toString(value);
  }

  /**
   * The fallback list in {@code returned}, its first {@link #MAX_ROUTES} entries; empty entries (a
   * trailing {@code ;}) are skipped. No client tries more routes than that, and a script answering
   * with a megabyte of them must not cost a megabyte of parsing per URL.
   *
   * @throws InputException naming {@code source} and {@code line} for an entry that is not a PAC
   *     route
   */
  static List<PacRoute> routes(@Nullable String returned, String source, int line, String call) {
    List<PacRoute> routes = new ArrayList<>();
    if (returned == null) {
      return routes;
    }
    for (int start = 0; start <= returned.length() && routes.size() < MAX_ROUTES; ) {
      int end = returned.indexOf(';', start);
      end = end < 0 ? returned.length() : end;
      String entry = returned.substring(start, end);
      start = end + 1;
      if (entry.isBlank()) {
        continue;
      }
      PacRoute route = PacRoute.parse(entry).orElse(null);
      if (route == null) {
        throw new InputException(
            source,
            line,
            Display.line(Secrets.redact(call), 200)
                + " returned "
                + Display.quoted(Secrets.redact(returned))
                + ": "
                + Display.quoted(Secrets.redact(entry.strip()))
                + " is not DIRECT, PROXY host:port, HTTPS host:port, SOCKS host:port,"
                + " SOCKS4 host:port or SOCKS5 host:port");
      }
      routes.add(route);
    }
    return routes;
  }
}
