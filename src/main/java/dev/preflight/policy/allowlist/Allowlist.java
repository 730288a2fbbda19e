package dev.preflight.policy.allowlist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of an allowlist, indexed: exact names in one map, wildcard zones in two more. A
 * lookup walks the labels of a name (a handful of hash probes) and never scans the entries. The
 * first entry written wins when several are equal.
 */
final class Allowlist {
  private final Map<String, AllowlistEntry> hosts = new HashMap<>();
  private final Map<String, AllowlistEntry> subdomains = new HashMap<>();
  private final Map<String, AllowlistEntry> domains = new HashMap<>();

  Allowlist(List<AllowlistEntry> entries) {
    for (AllowlistEntry entry : entries) {
      Map<String, AllowlistEntry> index =
          switch (entry.kind()) {
            case HOST -> hosts;
            case SUBDOMAINS -> subdomains;
            case DOMAIN_AND_SUBDOMAINS -> domains;
          };
      index.putIfAbsent(entry.name(), entry);
    }
  }

  /** The entry that lets {@code host} through, if any. */
  Optional<AllowlistEntry> coveringHost(String host) {
    AllowlistEntry hit = hosts.get(host);
    if (hit == null) {
      hit = domains.get(host);
    }
    if (hit != null) {
      return Optional.of(hit);
    }
    int dot = host.indexOf('.');
    return dot < 0 ? Optional.empty() : coveringEveryNameBelow(host.substring(dot + 1));
  }

  /** The entry that lets every name below {@code zone} through, if any. */
  Optional<AllowlistEntry> coveringEveryNameBelow(String zone) {
    String suffix = zone;
    while (true) {
      AllowlistEntry hit = subdomains.get(suffix);
      if (hit == null) {
        hit = domains.get(suffix);
      }
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
