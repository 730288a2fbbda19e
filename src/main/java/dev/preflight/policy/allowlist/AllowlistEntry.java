package dev.preflight.policy.allowlist;

import dev.preflight.policy.RuleRef;

/**
 * One allowlist entry, normalised.
 *
 * @param kind how the entry matches
 * @param name the lower-case host, or the zone after {@code *.} or {@code .}
 * @param text the entry as written, escaped and capped for reports
 * @param file the allowlist file
 * @param line its 1-based line
 */
record AllowlistEntry(Kind kind, String name, String text, String file, int line) {
  /** The three kinds of entry. */
  enum Kind {
    /** {@code host.example.com}: that name only. */
    HOST,
    /** {@code *.example.com}: every name below example.com, not example.com itself. */
    SUBDOMAINS,
    /** {@code .example.com}: example.com and every name below it, as Squid's dstdomain reads it. */
    DOMAIN_AND_SUBDOMAINS
  }

  RuleRef ref() {
    return new RuleRef(file, line, text);
  }

  String where() {
    return text + " (" + file + ":" + line + ")";
  }
}
