package dev.preflight.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a domain list spells a catalog wildcard {@code *.example.com}, for the consumers that read
 * each spelling.
 */
public enum WildcardStyle {
  /**
   * {@code *.example.com}: every name below example.com. Palo Alto Networks External Dynamic Lists
   * (domain lists) and most firewalls read it so.
   */
  STAR("star"),
  /**
   * {@code .example.com}: example.com and every name below it, as pfBlockerNG's DNSBL whitelist
   * ("prefix a domain with a dot to whitelist all sub-domains") and squid's dstdomain read it.
   */
  DOT("dot"),
  /**
   * {@code example.com}: the zone, for DNS filters that read a bare domain as the name and every
   * name below it. A comment line at the top says so, since the bare name looks like one host.
   */
  ZONE("zone");

  private final String id;

  WildcardStyle(String id) {
    this.id = id;
  }

  /** The spelling used with {@code --wildcard-style}. */
  public String id() {
    return id;
  }

  /** Parses {@code star}, {@code dot} or {@code zone}; case-insensitive. */
  public static Optional<WildcardStyle> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
