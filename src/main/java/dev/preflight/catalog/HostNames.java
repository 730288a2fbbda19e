package dev.preflight.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Syntax rules for catalog host names and wildcard patterns. A host is a DNS name (labels of
 * letters, digits, '-' and '_' for SRV names) that may contain the placeholders {@code {domain}}
 * and {@code {dc}}; a wildcard is exactly one leading {@code *.} label followed by a name of at
 * least two labels.
 */
final class HostNames {
  /** Placeholders the check planner fills in from {@code --domain} and the DC lookup. */
  static final List<String> PLACEHOLDERS = List.of("{domain}", "{dc}");

  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

  private HostNames() {}

  static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  static boolean hasPlaceholder(String host) {
    return PLACEHOLDERS.stream().anyMatch(host::contains);
  }

  /** Why {@code host} is not a valid host name, or null when it is. */
  static @Nullable String hostProblem(String host) {
    String filled = host;
    for (String placeholder : PLACEHOLDERS) {
      filled = filled.replace(placeholder, "placeholder");
    }
    if (filled.contains("*")) {
      return "a host may not contain '*'; put the pattern in 'wildcard' and a concrete host here";
    }
    return nameProblem(filled, 1);
  }

  /** Why {@code wildcard} is not a valid pattern, or null when it is. */
  static @Nullable String wildcardProblem(String wildcard) {
    if (!wildcard.startsWith("*.") || wildcard.indexOf('*', 1) >= 0) {
      return "only a single leading '*.' label is allowed, as in *.manage.microsoft.com";
    }
    String zone = zoneOf(wildcard);
    String problem = nameProblem(zone, 2);
    return problem == null ? null : "after '*.': " + problem;
  }

  /** The name a wildcard covers the subdomains of: {@code *.a.b} gives {@code a.b}. */
  static String zoneOf(String wildcard) {
    return wildcard.substring(2);
  }

  /** True when {@code host} is the wildcard's zone or a name under it. */
  static boolean covers(String wildcard, String host) {
    String zone = zoneOf(wildcard);
    return host.equals(zone) || host.endsWith("." + zone);
  }

  private static @Nullable String nameProblem(String name, int minLabels) {
    if (name.isEmpty() || name.length() > 253) {
      return "a name must have 1 to 253 characters";
    }
    String[] labels = name.split("\\.", -1);
    if (labels.length < minLabels) {
      return "a name with at least " + minLabels + " labels is needed";
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return "'"
            + label
            + "' is not a valid DNS label (letters, digits, '-', '_'; 1 to 63 characters)";
      }
    }
    return null;
  }
}
