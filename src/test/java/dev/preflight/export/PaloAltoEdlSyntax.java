package dev.preflight.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The documented syntax of a Palo Alto Networks External Dynamic List of type Domain (PAN-OS
 * administrator's guide, "Formatting Guidelines for an External Dynamic List", Domain List): one
 * domain a line; no protocol prefix; no URLs or IP addresses; {@code *} stands for one or more
 * subdomains, must be a whole token and may only be prepended; {@code ^} in front asks for an exact
 * match; at most 255 characters an entry. Comments are documented for IP lists only, so this
 * checker allows none.
 */
final class PaloAltoEdlSyntax {
  private static final int MAX_ENTRY = 255;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private PaloAltoEdlSyntax() {}

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

  private static String problem(String entry) {
    if (entry.isEmpty()) {
      return "an empty line";
    }
    if (entry.length() > MAX_ENTRY) {
      return "longer than " + MAX_ENTRY + " characters";
    }
    if (entry.chars().anyMatch(Character::isWhitespace) || entry.contains("#")) {
      return "a space or comment (comments are documented for IP lists only)";
    }
    if (entry.contains("://")) {
      return "a protocol prefix";
    }
    if (entry.matches(".*[/?&=;+].*")) {
      return "a URL (domain lists take domain names only)";
    }
    if (IPV4.matcher(entry).matches() || entry.contains(":")) {
      return "an IP address";
    }
    String body = entry.startsWith("^") ? entry.substring(1) : entry;
    return tokens(body, entry.startsWith("^"));
  }

  private static String tokens(String body, boolean exact) {
    boolean prepended = true;
    String[] tokens = body.split("\\.", -1);
    for (String token : tokens) {
      if (token.equals("*")) {
        if (!prepended) {
          return "a * that is not prepended";
        }
        if (exact) {
          return "^ (an exact match) together with *";
        }
      } else if (token.contains("*")) {
        return "a * that is not a whole token";
      } else if (!LABEL.matcher(token).matches()) {
        return "'" + token + "' is not a domain label";
      } else {
        prepended = false;
      }
    }
    return prepended ? "wildcards only" : null;
  }
}
