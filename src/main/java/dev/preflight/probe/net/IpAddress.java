package dev.preflight.probe.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A numeric IP address as text, so that code outside {@code probe.net} never holds an {@link
 * InetAddress}. Instances are only made from literals; no name lookup ever happens here.
 *
 * @param text the canonical textual form ({@code 192.0.2.1}, {@code 2001:db8::1})
 * @param family the address family
 */
public record IpAddress(String text, Family family) {
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

  public IpAddress {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(family, "family");
  }

  /** True when {@code text} is an IPv4 or IPv6 literal (brackets allowed around IPv6). */
  public static boolean isLiteral(String text) {
    return parseOrNull(text) != null;
  }

  /**
   * Parses a literal.
   *
   * @throws IllegalArgumentException when {@code text} is not an IP literal
   */
  public static IpAddress parse(String text) {
    IpAddress address = parseOrNull(text);
    if (address == null) {
      throw new IllegalArgumentException("not an IP address literal: " + text);
    }
    return address;
  }

  static IpAddress of(InetAddress address) {
    if (address instanceof Inet6Address) {
      return new IpAddress(
          compress(address.getHostAddress().replaceFirst("%.*$", "")), Family.IPV6);
    }
    return new IpAddress(address.getHostAddress(), Family.IPV4);
  }

  /** The RFC 5952 form: the longest run of two or more zero groups becomes {@code ::}. */
  private static String compress(String full) {
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail =
        String.join(
            ":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail;
  }

  InetAddress toInetAddress() {
    try {
      return InetAddress.getByAddress(bytes(text));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not a literal: " + text, e);
    }
  }

  /**
   * True for answers a DNS filter gives instead of the real address: unspecified ({@code 0.0.0.0},
   * {@code ::}), loopback ({@code 127.0.0.0/8}, {@code ::1}) and link-local ({@code
   * 169.254.0.0/16}, {@code fe80::/10}).
   */
  public boolean isSinkhole() {
    InetAddress address = toInetAddress();
    return address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress();
  }

  /** True for {@code 127.0.0.0/8} and {@code ::1}: the addresses only this machine reaches. */
  public boolean isLoopback() {
    return toInetAddress().isLoopbackAddress();
  }

  @Override
  public String toString() {
    return text;
  }

  private static @Nullable IpAddress parseOrNull(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    byte[] bytes = bytes(bare);
    if (bytes == null) {
      return null;
    }
    try {
      return of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** The address bytes of a literal, or null; never a lookup. */
  private static byte @Nullable [] bytes(String text) {
    if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      byte[] raw = new byte[4];
      String[] parts = text.split("\\.");
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(parts[i]);
        if (octet > 255) {
          return null;
        }
        raw[i] = (byte) octet;
      }
      return raw;
    }
    if (text.indexOf(':') < 0 || !text.matches("[0-9A-Fa-f:.]+")) {
      return null;
    }
    try {
      // A string with a colon is parsed as an IPv6 literal and never looked up.
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
