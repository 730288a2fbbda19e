package dev.preflight.export;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns allowlist patterns into the smallest set of leading-dot values: the form of a squid {@code
 * dstdomain} or {@code ssl::server_name} acl, and of a pfBlockerNG DNSBL whitelist.
 *
 * <p>Both give a leading dot the same meaning: {@code .example.com} matches {@code example.com} and
 * every subdomain. A wildcard {@code *.example.com} therefore becomes {@code .example.com}, which
 * also admits the apex. Squid refuses an acl that holds a value together with another value it
 * covers ("is a subdomain of ... You need to remove ..."), so covered values are dropped: the apex
 * {@code example.com} next to {@code .example.com}, and any host or narrower domain below it.
 */
final class LeadingDotDomains {
  private LeadingDotDomains() {}

  /** The minimal sorted list of squid values that matches every pattern. */
  static List<String> values(Collection<String> patterns) {
    Set<String> all = new TreeSet<>();
    for (String pattern : patterns) {
      all.add(pattern.startsWith("*.") ? pattern.substring(1) : pattern);
    }
    return all.stream()
        .filter(value -> !coveredByAnother(value, all))
        .sorted(Comparator.comparing(LeadingDotDomains::name).thenComparing(v -> v.startsWith(".")))
        .toList();
  }

  /**
   * True when a dotted value other than {@code value} matches everything it does: {@code .a.b} for
   * the apex {@code a.b}, or {@code .b} (any suffix at a label boundary) for {@code a.b} and {@code
   * .a.b}.
   */
  private static boolean coveredByAnother(String value, Set<String> all) {
    String name = name(value);
    if (!value.startsWith(".") && all.contains("." + name)) {
      return true;
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      if (all.contains(name.substring(dot))) {
        return true;
      }
    }
    return false;
  }

  private static String name(String value) {
    return value.startsWith(".") ? value.substring(1) : value;
  }
}
