package dev.preflight.policy.pac;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses and formats IPv4 and IPv6 address literals without name lookup, so the PAC sandbox never
 * needs {@code java.net.InetAddress}. Parsing is strict: dotted-quad IPv4 with decimal parts, and
 * RFC 4291 IPv6 text (with {@code ::} and an optional embedded IPv4 tail, no zone index).
 */
final class IpAddresses {
  private IpAddresses() {}

  /** The 4 or 16 address bytes, or null when {@code text} is not an address literal. */
  static byte @Nullable [] parse(String text) {
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
  }

  static boolean isIpv4(String text) {
    return parseIpv4(text) != null;
  }

  static byte @Nullable [] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int value = decimal(parts[i], 3);
      if (value < 0 || value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static int decimal(String part, int maxDigits) {
    if (part.isEmpty() || part.length() > maxDigits) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static byte @Nullable [] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] head = gap < 0 ? groups(text, true) : groups(text.substring(0, gap), false);
    byte[] tail = gap < 0 ? new byte[0] : groups(text.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int total = head.length + tail.length;
    if (gap < 0 ? total != 16 : total > 14) {
      return null;
    }
    byte[] result = new byte[16];
    System.arraycopy(head, 0, result, 0, head.length);
    System.arraycopy(tail, 0, result, 16 - tail.length, tail.length);
    return result;
  }

  /** Colon-separated hex groups; the last may be a dotted IPv4 address when {@code last}. */
  private static byte @Nullable [] groups(String text, boolean last) {
    if (text.isEmpty()) {
      return new byte[0];
    }
    String[] parts = text.split(":", -1);
    byte[] out = new byte[parts.length * 2 + 2];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (last && i == parts.length - 1 && part.indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(part);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, n, 4);
        n += 4;
      } else {
        int value = hex(part);
        if (value < 0) {
          return null;
        }
        out[n++] = (byte) (value >> 8);
        out[n++] = (byte) value;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int hex(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      int digit = Character.digit(part.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** Dotted quad for IPv4; RFC 5952 canonical text (lower case, longest zero run as ::) for v6. */
  static String format(byte[] address) {
    if (address.length == 4) {
      return (address[0] & 0xff)
          + "."
          + (address[1] & 0xff)
          + "."
          + (address[2] & 0xff)
          + "."
          + (address[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  /** True when the first {@code bits} bits of {@code address} and {@code prefix} agree. */
  static boolean inPrefix(byte[] address, byte[] prefix, int bits) {
    if (address.length != prefix.length || bits < 0 || bits > address.length * 8) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Unsigned lexicographic order of equal-length addresses. */
  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
