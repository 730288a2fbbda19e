package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Between the tool's {@link IpAddress} and the JDK's {@link InetAddress}, which only this package
 * holds. Both directions copy address bytes; no name is ever looked up.
 */
final class Inet {
  private Inet() {}

  /** The JDK address for {@code address}. */
  static InetAddress of(IpAddress address) {
    try {
      return InetAddress.getByAddress(address.bytes());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of 4 or 16 bytes: " + address, e);
    }
  }

  /** The tool's address for {@code address}; a scope (zone) index is dropped. */
  static IpAddress address(InetAddress address) {
    return IpAddress.of(address.getAddress());
  }
}
