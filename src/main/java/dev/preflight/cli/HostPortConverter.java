package dev.preflight.cli;

import dev.preflight.common.HostPort;
import dev.preflight.common.IpAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
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

  @Override
  public InetSocketAddress convert(String value) {
    return parse(value, DEFAULT_PORT, 1);
  }

  /**
   * Parses {@code ADDRESS[:PORT]}; the port defaults to {@code defaultPort} and must be at least
   * {@code lowestPort} (0 lets the system choose one when binding).
   */
  static InetSocketAddress parse(String value, int defaultPort, int lowestPort) {
    Optional<HostPort> parsed = HostPort.parse(value, defaultPort);
    if (parsed.isEmpty() || parsed.get().port() < lowestPort) {
      throw new TypeConversionException(
          "'" + value + "' has no valid port (" + lowestPort + "-65535)");
    }
    HostPort server = parsed.get();
    if (!IpAddress.isLiteral(server.host())) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not an IP address with an optional port (a DNS server's name would itself"
              + " need DNS)");
    }
    // For a literal the JDK builds the address without any name lookup.
    return new InetSocketAddress(IpAddress.parse(server.host()).text(), server.port());
  }
}
