package dev.preflight.run;

import dev.preflight.catalog.Endpoint;

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
    return e.withPlaceholder(placeholder, value);
  }
}
