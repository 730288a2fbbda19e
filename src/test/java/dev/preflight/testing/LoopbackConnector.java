package dev.preflight.testing;

import dev.preflight.common.IpAddress;
import dev.preflight.probe.net.Connection;
import dev.preflight.probe.net.Connector;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Real sockets, but every non-loopback address is replaced by the loopback address of the same
 * family (127.0.0.1 or ::1), port unchanged. Test DNS answers may then name documentation or
 * benchmark addresses (198.18.0.0/15, 2001:db8::/32) that a probe does not treat as sinkholes,
 * while traffic never leaves the machine.
 */
public class LoopbackConnector implements Connector {
  private static final IpAddress V4 = IpAddress.parse("127.0.0.1");
  private static final IpAddress V6 = IpAddress.parse("::1");

  private final Connector real = Connector.system();

  @Override
  public Connection connect(IpAddress address, int port, Duration timeout) throws IOException {
    return real.connect(loopback(address), port, timeout);
  }

  @Override
  public byte[] exchange(
      IpAddress address, int port, byte[] request, Duration timeout, Predicate<byte[]> genuine)
      throws IOException {
    return real.exchange(loopback(address), port, request, timeout, genuine);
  }

  @Override
  public boolean routes(IpAddress address) {
    return real.routes(loopback(address));
  }

  private static IpAddress loopback(IpAddress address) {
    if (address.isSinkhole()) {
      return address;
    }
    return address.family() == IpAddress.Family.IPV4 ? V4 : V6;
  }
}
