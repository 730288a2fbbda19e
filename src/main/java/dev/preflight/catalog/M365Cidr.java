package dev.preflight.catalog;

import java.util.regex.Pattern;

/**
 * Syntax checks for IPv4 and IPv6 CIDR blocks as the Microsoft 365 web service writes them ({@code
 * 20.190.128.0/18}, {@code 2603:1006:2000::/48}). Pure text rules: no name lookup.
 */
final class M365Cidr {
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  private M365Cidr() {}

  /** True when {@code text} is an IPv4 or IPv6 address with a prefix length. */
  static boolean isValid(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return false;
    }
    String address = text.substring(0, slash);
    String prefix = text.substring(slash + 1);
    if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int bits = Integer.parseInt(prefix);
    return address.contains(":") ? bits <= 128 && isIpv6(address) : bits <= 32 && isIpv4(address);
  }

  static boolean isIpv4(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String address) {
    int compressions = address.split("::", -1).length - 1;
    if (compressions > 1) {
      return false;
    }
    String[] halves = compressions == 1 ? address.split("::", -1) : new String[] {address};
    int groups = 0;
    for (int i = 0; i < halves.length; i++) {
      if (halves[i].isEmpty()) {
        continue;
      }
      String[] parts = halves[i].split(":", -1);
      for (int j = 0; j < parts.length; j++) {
        boolean lastOfAll = i == halves.length - 1 && j == parts.length - 1;
        if (lastOfAll && parts[j].contains(".")) {
          if (!isIpv4(parts[j])) {
            return false;
          }
          groups += 2;
        } else if (HEX_GROUP.matcher(parts[j]).matches()) {
          groups++;
        } else {
          return false;
        }
      }
    }
    return compressions == 1 ? groups <= 7 : groups == 8;
  }
}
