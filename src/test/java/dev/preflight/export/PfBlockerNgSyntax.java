package dev.preflight.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The documented syntax of pfBlockerNG's DNSBL whitelist (the help text of the DNSBL Whitelist
 * field): one domain name a line, no regex entries, a leading {@code .} to whitelist the domain and
 * all its sub-domains, and {@code #} after a domain name (after a space) to add a comment. Anything
 * else — wildcards, schemes, paths, ports, addresses — is not a domain name there.
 */
final class PfBlockerNgSyntax {
  private static final Pattern DOMAIN =
      Pattern.compile("\\.?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+");
  private static final Pattern IPV4 = Pattern.compile("\\.?[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private PfBlockerNgSyntax() {}

  /** Every line of {@code list} that breaks the rules, with the rule; empty for a valid list. */
  static List<String> violations(String list) {
    List<String> found = new ArrayList<>();
    List<String> lines = list.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String problem = problem(lines.get(i));
      if (problem != null) {
        found.add("line " + (i + 1) + " '" + lines.get(i) + "': " + problem);
      }
    }
    return found;
  }

  private static String problem(String line) {
    int hash = line.indexOf('#');
    if (hash == 0) {
      return "a comment without a domain name before it";
    }
    if (hash > 0 && line.charAt(hash - 1) != ' ') {
      return "a # without a space before it";
    }
    String entry = (hash > 0 ? line.substring(0, hash) : line).strip();
    if (entry.isEmpty()) {
      return "no domain name";
    }
    if (entry.matches(".*[*^$\\[\\](){}|\\\\?+].*")) {
      return "a regex or wildcard character (no regex entries allowed)";
    }
    if (IPV4.matcher(entry).matches() || entry.contains(":") || entry.contains("/")) {
      return "not a domain name (an address, scheme, port or path)";
    }
    return DOMAIN.matcher(entry).matches() ? null : "not a domain name";
  }
}
