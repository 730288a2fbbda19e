package dev.preflight.probe;

/**
 * Makes text a server controls (headers, certificate names, error pages) safe to put in a report:
 * control characters become {@code ?} and the length is capped, so nothing a peer sends can break a
 * line-based output or grow a report without bound.
 */
final class Printable {
  static final int MAX = 200;

  private Printable() {}

  static String clip(String text) {
    return clip(text, MAX);
  }

  static String clip(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    if (text.length() > max) {
      out.append('…');
    }
    return out.toString();
  }
}
