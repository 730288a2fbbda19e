package dev.preflight.common;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address, parsed from its literal without any name lookup: the one address type
 * and parser of every layer (probes, PAC helpers, squid {@code src} acls, options). Parsing is
 * strict: a dotted quad of decimal parts, or RFC 4291 IPv6 text with {@code ::} and an optional
 * dotted IPv4 tail, without a zone index. Text is the RFC 5952 canonical form: lower case, the
 * longest run of two or more zero groups as {@code ::}, and an IPv4-mapped address in mixed
 * notation ({@code ::ffff:10.0.0.2}), as its section 5 recommends.
 */
public final class IpAddress implements Comparable<IpAddress> {
  /** The address family, spelled as in the report. */
  public enum Family {
    IPV4("IPv4"),
    IPV6("IPv6");

    private final String label;

    Family(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static final byte[] MAPPED_PREFIX = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff
  };

  private final byte[] bytes;
  private final String text;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
    this.text = bytes.length == 4 ? dottedQuad(bytes, 0) : ipv6Text(bytes);
  }

  /** The address of 4 (IPv4) or 16 (IPv6) bytes in network order. */
  public static IpAddress of(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
    }
    return new IpAddress(bytes.clone());
  }

  /** The address {@code text} spells exactly (no brackets, no zone); empty when it spells none. */
  public static Optional<IpAddress> tryParse(String text) {
    byte[] bytes = text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    return bytes == null ? Optional.empty() : Optional.of(new IpAddress(bytes));
  }

  /** True when {@code text} is an address literal; an IPv6 one may be bracketed, as in a URL. */
  public static boolean isLiteral(String text) {
    return tryParse(HostPort.unbracketed(text)).isPresent();
  }

  /**
   * Parses a literal; an IPv6 one may be bracketed, as in a URL.
   *
   * @throws IllegalArgumentException when {@code text} is not an address literal
   */
  public static IpAddress parse(String text) {
    return tryParse(HostPort.unbracketed(text))
        .orElseThrow(() -> new IllegalArgumentException("not an IP address literal: " + text));
  }

  /** The canonical text ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code ::ffff:10.0.0.2}). */
  public String text() {
    return text;
  }

  public Family family() {
    return bytes.length == 4 ? Family.IPV4 : Family.IPV6;
  }

  /** The address bytes in network order (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** 32 or 128. */
  public int bits() {
    return bytes.length * 8;
  }

  /**
   * True for answers a DNS filter gives instead of the real address: unspecified ({@code 0.0.0.0},
   * {@code ::}), loopback ({@code 127.0.0.0/8}, {@code ::1}) and link-local ({@code
   * 169.254.0.0/16}, {@code fe80::/10}); an IPv4-mapped address is judged by its IPv4 part.
   */
  public boolean isSinkhole() {
    if (isMapped()) {
      return of(Arrays.copyOfRange(bytes, 12, 16)).isSinkhole();
    }
    if (isLoopback() || Arrays.equals(bytes, new byte[bytes.length])) {
      return true;
    }
    return bytes.length == 4
        ? (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254
        : (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80;
  }

  /** True for {@code 127.0.0.0/8} and {@code ::1}: the addresses only this machine reaches. */
  public boolean isLoopback() {
    if (isMapped()) {
      return of(Arrays.copyOfRange(bytes, 12, 16)).isLoopback();
    }
    byte[] loopback = new byte[16];
    loopback[15] = 1;
    return bytes.length == 4 ? (bytes[0] & 0xff) == 127 : Arrays.equals(bytes, loopback);
  }

  /** True when the first {@code prefixBits} bits agree with {@code network}'s (same family). */
  public boolean inPrefix(IpAddress network, int prefixBits) {
    if (network.bytes.length != bytes.length || prefixBits < 0 || prefixBits > bits()) {
      return false;
    }
    for (int i = 0; i < prefixBits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((bytes[i / 8] & mask) != (network.bytes[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** IPv4 before IPv6, then numeric order. */
  @Override
  public int compareTo(IpAddress other) {
    int byFamily = Integer.compare(bytes.length, other.bytes.length);
    return byFamily != 0 ? byFamily : Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IpAddress that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return text;
  }

  private boolean isMapped() {
    return bytes.length == 16 && Arrays.equals(bytes, 0, 12, MAPPED_PREFIX, 0, 12);
  }

  private static byte @Nullable [] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int value = number(parts[i], 10, 3);
      if (value < 0 || value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static byte @Nullable [] parseIpv6(String text) {
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
      if (last && i == parts.length - 1 && parts[i].indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(parts[i]);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, n, 4);
        n += 4;
      } else {
        int value = number(parts[i], 16, 4);
        if (value < 0) {
          return null;
        }
        out[n++] = (byte) (value >> 8);
        out[n++] = (byte) value;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The value of 1 to {@code maxDigits} digits in {@code radix}, or -1. */
  private static int number(String part, int radix, int maxDigits) {
    if (part.isEmpty() || part.length() > maxDigits) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      // ASCII only: Character.digit would also take other scripts' digits.
      int digit = c < 0x80 ? Character.digit(c, radix) : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
    }
    return value;
  }

  private static String dottedQuad(byte[] bytes, int from) {
    return (bytes[from] & 0xff)
        + "."
        + (bytes[from + 1] & 0xff)
        + "."
        + (bytes[from + 2] & 0xff)
        + "."
        + (bytes[from + 3] & 0xff);
  }

  /** RFC 5952 text; an IPv4-mapped address in mixed notation (section 5). */
  private static String ipv6Text(byte[] bytes) {
    if (Arrays.equals(bytes, 0, 12, MAPPED_PREFIX, 0, 12)) {
      return "::ffff:" + dottedQuad(bytes, 12);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int[] run = longestZeroRun(groups);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == run[0]) {
        text.append("::");
        i += run[1] - 1;
      } else {
        boolean afterGap = text.length() > 0 && text.charAt(text.length() - 1) == ':';
        text.append(text.length() == 0 || afterGap ? "" : ":")
            .append(Integer.toHexString(groups[i]));
      }
    }
    return text.toString();
  }

  /** {start, length} of the first longest run of two or more zero groups; start -1 when none. */
  private static int[] longestZeroRun(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    return new int[] {bestStart, bestLength};
  }
}
