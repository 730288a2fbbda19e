package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Opens TCP connections and runs single UDP request/response exchanges. It never looks up names:
 * callers resolve first, so the address and family used are always known.
 */
public interface Connector {
  /**
   * Connects to {@code address:port}.
   *
   * @throws java.net.ConnectException when the peer refuses (RST)
   * @throws java.net.SocketTimeoutException when nothing answers within {@code timeout}
   * @throws java.net.NoRouteToHostException or a {@link java.net.SocketException} saying
   *     "unreachable" when there is no route
   */
  Connection connect(IpAddress address, int port, Duration timeout) throws IOException;

  /**
   * Sends one datagram to {@code address:port} and returns the first reply from that peer,
   * truncated to 4 KiB.
   *
   * @throws java.net.SocketTimeoutException when no reply arrives within {@code timeout}
   * @throws java.net.PortUnreachableException when the peer's port is closed (ICMP)
   */
  default byte[] exchange(IpAddress address, int port, byte[] request, Duration timeout)
      throws IOException {
    return exchange(address, port, request, timeout, reply -> true);
  }

  /**
   * Sends one datagram to {@code address:port} and returns the first reply from that peer that
   * {@code genuine} accepts, truncated to 4 KiB. Replies it refuses (a stale or spoofed answer that
   * does not match the request) are discarded and the wait goes on to the deadline, as real clients
   * do; {@code genuine} sees each of them, so the caller can count them.
   *
   * @throws java.net.SocketTimeoutException when no genuine reply arrives within {@code timeout}
   * @throws java.net.PortUnreachableException when the peer's port is closed (ICMP)
   */
  byte[] exchange(
      IpAddress address, int port, byte[] request, Duration timeout, Predicate<byte[]> genuine)
      throws IOException;

  /**
   * True when this machine has a route to {@code address}. Nothing is sent: the answer comes from
   * the routing table. Probes skip the IPv6 check on machines without IPv6 routes, as Windows does
   * not use IPv6 there either. The default answers true.
   */
  default boolean routes(IpAddress address) {
    return true;
  }

  /** Plain sockets from the default local address. */
  static Connector system() {
    return new SocketConnector(null);
  }

  /**
   * Plain sockets bound to {@code local} before connecting, as a multi-homed host picks its
   * interface ({@code curl --interface}).
   */
  static Connector boundTo(IpAddress local) {
    return new SocketConnector(local);
  }
}
