package dev.preflight.policy.squid;

import dev.preflight.common.InputException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Squid's dstdomain matching, indexed: {@code example.com} matches only that name, {@code
 * .example.com} matches it and every name below it. Lookup walks the labels of the host (a handful
 * of hash probes) instead of scanning the entries, so a 100,000-entry acl costs the same as a small
 * one. Comparison ignores case.
 *
 * <p>Squid 5 refuses an acl where a wider entry follows one it covers ({@code a.example.com} then
 * {@code .example.com}), or where {@code example.com} and {@code .example.com} are both listed; it
 * ignores a narrower entry that follows a wider one. This set does the same, so a configuration it
 * accepts is one Squid starts with.
 */
final class DomainSet {
  private final Map<String, AclValue> exact = new HashMap<>();
  private final Map<String, AclValue> withSubdomains = new HashMap<>();

  /** Every proper parent zone of an entry, with the first entry below it. */
  private final Map<String, AclValue> parents = new HashMap<>();

  void add(AclValue value) {
    String domain = value.text().toLowerCase(Locale.ROOT);
    boolean dotted = domain.startsWith(".");
    String name = dotted ? domain.substring(1) : domain;
    if (dotted ? withSubdomains.containsKey(name) : exact.containsKey(name)) {
      return;
    }
    AclValue clash = dotted ? clashBelow(name) : withSubdomains.get(name);
    if (clash != null) {
      throw new InputException(
          value.origin(),
          "'"
              + clash.text()
              + "' is a subdomain of '"
              + value.text()
              + "' in the same acl; Squid refuses this: remove '"
              + clash.text()
              + "'");
    }
    if (lookup(name).isPresent()) {
      return;
    }
    (dotted ? withSubdomains : exact).put(name, value);
    for (String zone = parent(name); zone != null; zone = parent(zone)) {
      parents.putIfAbsent(zone, value);
    }
  }

  private AclValue clashBelow(String name) {
    AclValue same = exact.get(name);
    return same != null ? same : parents.get(name);
  }

  private static String parent(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? null : name.substring(dot + 1);
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
    for (String suffix = name; suffix != null; suffix = parent(suffix)) {
      hit = withSubdomains.get(suffix);
      if (hit != null) {
        return Optional.of(hit);
      }
    }
    return Optional.empty();
  }
}
