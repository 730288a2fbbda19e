package dev.preflight.policy.squid;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Directives this model does not evaluate but that can change what happens to a request. Each is
 * reported once, at its first line; directives that cannot change an access decision (logging,
 * caching, ports, helpers' settings) are ignored.
 */
final class UnmodelledDirectives {
  private static final Map<String, String> EFFECTS =
      Map.ofEntries(
          Map.entry("adapted_http_access", "adapted requests may still be denied"),
          Map.entry("http_reply_access", "replies may still be blocked"),
          Map.entry("miss_access", "cache misses may still be denied"),
          Map.entry("url_rewrite_program", "a rewrite helper may redirect or block requests"),
          Map.entry("redirect_program", "a rewrite helper may redirect or block requests"),
          Map.entry("url_rewrite_access", "a rewrite helper may redirect or block requests"),
          Map.entry("cache_peer", "requests may be forwarded to a parent proxy with its own rules"),
          Map.entry("never_direct", "requests may be forced through a parent proxy"),
          Map.entry("icap_service", "an ICAP service may block or alter requests"),
          Map.entry("ecap_service", "an eCAP service may block or alter requests"),
          Map.entry("adaptation_access", "content adaptation may block or alter requests"),
          Map.entry("if", "conditional sections are read as if every condition held"));

  private final Set<String> reported = new HashSet<>();

  /** A warning for the first line of an unmodelled, outcome-changing directive. */
  Optional<String> check(ConfigLine line) {
    String directive = line.directive();
    String effect = EFFECTS.get(directive);
    if (effect == null || !reported.add(directive)) {
      return Optional.empty();
    }
    return Optional.of(
        line.where() + ": " + directive + " is not modelled by preflight; " + effect + ".");
  }
}
