package dev.preflight.report;

import dev.preflight.common.Display;
import dev.preflight.common.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * The last guard before any renderer writes a string that came from outside (a detail, a route, a
 * warning, a rule from a configuration file, a service name from a catalog file): credentials
 * redacted and control characters escaped by {@link Display}, whatever the producer already did.
 * Renderers with their own syntax (HTML, XML, CSV, Markdown, JSON) escape on top of it.
 */
final class Shown {
  /** Generous: producers cap their own text; this only bounds what slipped through. */
  private static final int MAX = 4000;

  private Shown() {}

  /** {@code text} safe to write; the empty string for null. */
  static String text(@Nullable String text) {
    return Display.text(Secrets.redact(text), MAX);
  }

  /** {@link #text}, keeping null as null for formats that distinguish it. */
  static @Nullable String orNull(@Nullable String text) {
    return text == null ? null : text(text);
  }
}
