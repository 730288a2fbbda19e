package dev.preflight.export;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns allowlist patterns into the values of one squid {@code dstdomain} or {@code
 * ssl::server_name} acl.
 *
 * <p>Squid gives a leading dot its own meaning: {@code .example.com} matches {@code example.com}
 * and every subdomain. A wildcard {@code *.example.com} therefore becomes {@code .example.com},
 * which also admits the apex. Squid refuses an acl that holds a value together with another value
 * it covers ("is a subdomain of ... You need to remove ..."), so covered values are dropped: the
 * apex {@code example.com} next to {@code .example.com}, and any host or narrower domain below it.
 */
final class SquidDomains {
  private SquidDomains() {}

  /** The minimal sorted list of squid values that matches every pattern. */
  static List<String> values(Collection<String> patterns) {
    Set<String> all = new TreeSet<>();
    for (String pattern : patterns) {
      all.add(pattern.startsWith("*.") ? pattern.substring(1) : pattern);
    }
    List<String> domains = all.stream().filter(v -> v.startsWith(".")).toList();
    return all.stream()
        .filter(value -> domains.stream().noneMatch(domain -> covers(domain, value)))
        .sorted(Comparator.comparing(SquidDomains::name).thenComparing(v -> v.startsWith(".")))
        .toList();
  }

  /** True when the dotted {@code domain} makes {@code value} redundant. */
  private static boolean covers(String domain, String value) {
    if (domain.equals(value)) {
      return false;
    }
    return name(value).equals(domain.substring(1)) || name(value).endsWith(domain);
  }

  private static String name(String value) {
    return value.startsWith(".") ? value.substring(1) : value;
  }
}
