package dev.preflight.cli;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code HOST[:PORT]} for a DNS server: an IPv4 address ({@code 192.0.2.53:5353}) or an IPv6
 * address, bracketed when a port follows ({@code [2001:db8::53]:53}). The port defaults to 53.
 *
 * <p>Only addresses are accepted, never names: looking up the DNS server's own name would need the
 * very resolver the option replaces, and that lookup would have no deadline.
 */
public final class HostPortConverter implements ITypeConverter<InetSocketAddress> {
  private static final int DEFAULT_PORT = 53;
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::(\\d{1,5}))?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  @Override
  public InetSocketAddress convert(String value) {
    return parse(value, DEFAULT_PORT, 1);
  }

  /**
   * Parses {@code ADDRESS[:PORT]}; the port defaults to {@code defaultPort} and must be at least
   * {@code lowestPort} (0 lets the system choose one when binding).
   */
  static InetSocketAddress parse(String value, int defaultPort, int lowestPort) {
    String text = value.trim();
    Matcher bracketed = BRACKETED.matcher(text);
    if (bracketed.matches()) {
      return address(
          value, bracketed.group(1), port(value, bracketed.group(2), defaultPort, lowestPort));
    }
    if (IPV6.matcher(text).matches() && text.indexOf(':') != text.lastIndexOf(':')) {
      return address(value, text, defaultPort);
    }
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? text : text.substring(0, colon);
    String port = colon < 0 ? null : text.substring(colon + 1);
    if (!isIpv4(host)) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not an IP address with an optional port (a DNS server's name would itself"
              + " need DNS)");
    }
    return address(value, host, port(value, port, defaultPort, lowestPort));
  }

  private static boolean isIpv4(String host) {
    Matcher m = IPV4.matcher(host);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
  }

  private static int port(
      String value, @org.jspecify.annotations.Nullable String text, int defaultPort, int lowest) {
    if (text == null) {
      return defaultPort;
    }
    if (!text.matches("\\d{1,5}")
        || Integer.parseInt(text) < lowest
        || Integer.parseInt(text) > 65535) {
      throw new TypeConversionException("'" + value + "' has no valid port (" + lowest + "-65535)");
    }
    return Integer.parseInt(text);
  }

  private static InetSocketAddress address(String value, String literal, int port) {
    // For literals the JDK parses the address without any name lookup.
    InetSocketAddress address = new InetSocketAddress(literal, port);
    if (address.isUnresolved()) {
      throw new TypeConversionException("'" + value + "' is not a valid IP address");
    }
    return address;
  }
}
