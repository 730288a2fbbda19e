package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * The catalog's host placeholders for hybrid join: {@code {domain}} (the Active Directory domain)
 * and {@code {dc}} (each domain controller the DC locator SRV record names).
 */
final class Placeholders {
  static final String DOMAIN = "{domain}";
  static final String DC = "{dc}";

  private Placeholders() {}

  static boolean hasDomain(Endpoint e) {
    return e.host().contains(DOMAIN);
  }

  static boolean hasDc(Endpoint e) {
    return e.host().contains(DC);
  }

  /**
   * A copy of {@code e} with {@code placeholder} replaced by {@code value} in host and wildcard.
   */
  static Endpoint fill(Endpoint e, String placeholder, String value) {
    return new Endpoint(
        e.id(),
        e.service(),
        e.host().replace(placeholder, value),
        replace(e.wildcard(), placeholder, value),
        e.protocol(),
        e.ports(),
        e.path(),
        e.impact(),
        e.scenarios(),
        e.tpms(),
        e.inspectionUnsupported(),
        e.roots(),
        e.expect(),
        e.source(),
        e.note());
  }

  private static @Nullable String replace(@Nullable String text, String placeholder, String value) {
    return text == null ? null : text.replace(placeholder, value);
  }
}
