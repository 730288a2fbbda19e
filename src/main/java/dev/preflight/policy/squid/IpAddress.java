package dev.preflight.policy.squid;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address parsed from text without any name lookup (this package may not touch the
 * network). IPv4 addresses are 32-bit values, IPv6 addresses 128-bit values; the two never compare
 * equal.
 *
 * @param v6 true for IPv6
 * @param value the address as an unsigned number
 */
public record IpAddress(boolean v6, BigInteger value) {

  /** Parses a literal IPv4 or IPv6 address; empty when {@code text} is not one. */
  public static Optional<IpAddress> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    return t.contains(":") ? parseV6(t) : parseV4(t).map(v -> new IpAddress(false, v));
  }

  int bits() {
    return v6 ? 128 : 32;
  }

  static Optional<BigInteger> parseV4(String t) {
    String[] parts = t.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      value = value << 8 | octet;
    }
    return Optional.of(BigInteger.valueOf(value));
  }

  private static Optional<IpAddress> parseV6(String t) {
    int gap = t.indexOf("::");
    if (gap != t.lastIndexOf("::")) {
      return Optional.empty();
    }
    String head = gap < 0 ? t : t.substring(0, gap);
    String tail = gap < 0 ? "" : t.substring(gap + 2);
    Optional<int[]> left = groups(head);
    Optional<int[]> right = groups(tail);
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    int missing = 8 - left.get().length - right.get().length;
    if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
      return Optional.empty();
    }
    BigInteger value = BigInteger.ZERO;
    for (int g : left.get()) {
      value = value.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    value = value.shiftLeft(16 * Math.max(missing, 0));
    for (int g : right.get()) {
      value = value.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    return Optional.of(new IpAddress(true, value));
  }

  /** 16-bit groups; an embedded dotted IPv4 tail counts as two groups. */
  private static Optional<int[]> groups(String part) {
    if (part.isEmpty()) {
      return Optional.of(new int[0]);
    }
    String[] words = part.split(":", -1);
    int last = words.length - 1;
    boolean v4Tail = words[last].contains(".");
    int[] out = new int[words.length + (v4Tail ? 1 : 0)];
    for (int i = 0; i <= last; i++) {
      if (i == last && v4Tail) {
        Optional<BigInteger> v4 = parseV4(words[i]);
        if (v4.isEmpty()) {
          return Optional.empty();
        }
        out[i] = v4.get().intValue() >>> 16;
        out[i + 1] = v4.get().intValue() & 0xffff;
      } else if (words[i].matches("[0-9a-f]{1,4}")) {
        out[i] = Integer.parseInt(words[i], 16);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }
}
