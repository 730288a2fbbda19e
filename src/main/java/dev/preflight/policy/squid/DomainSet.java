package dev.preflight.policy.squid;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Squid's dstdomain matching, indexed: {@code example.com} matches only that name, {@code
 * .example.com} matches it and every name below it. Lookup walks the labels of the host (a handful
 * of hash probes) instead of scanning the entries, so a 100,000-entry acl costs the same as a small
 * one. Comparison ignores case.
 */
final class DomainSet {
  private final Map<String, AclValue> exact = new HashMap<>();
  private final Map<String, AclValue> withSubdomains = new HashMap<>();

  void add(AclValue value) {
    String domain = value.text().toLowerCase(Locale.ROOT);
    if (domain.startsWith(".")) {
      withSubdomains.putIfAbsent(domain.substring(1), value);
    } else {
      exact.putIfAbsent(domain, value);
    }
  }

  /** The entry that matches {@code host}, if any. */
  Optional<AclValue> lookup(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    AclValue hit = exact.get(name);
    if (hit != null) {
      return Optional.of(hit);
    }
    String suffix = name;
    while (true) {
      hit = withSubdomains.get(suffix);
      if (hit != null) {
        return Optional.of(hit);
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      suffix = suffix.substring(dot + 1);
    }
  }
}
