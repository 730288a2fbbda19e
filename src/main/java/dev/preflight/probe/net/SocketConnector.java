package dev.preflight.probe.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** {@link Connector} over {@link Socket} and {@link DatagramSocket}. */
final class SocketConnector implements Connector {
  private static final int MAX_DATAGRAM = 4096;

  private final @Nullable IpAddress local;

  SocketConnector(@Nullable IpAddress local) {
    this.local = local;
  }

  @Override
  public Connection connect(IpAddress address, int port, Duration timeout) throws IOException {
    int millis = millis(timeout);
    WaitingSocket socket = new WaitingSocket();
    try {
      if (local != null) {
        socket.bind(new InetSocketAddress(local.toInetAddress(), 0));
      }
      socket.connect(new InetSocketAddress(address.toInetAddress(), port), millis);
      socket.setTcpNoDelay(true);
      return new SocketConnection(socket, address, port);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public byte[] exchange(IpAddress address, int port, byte[] request, Duration timeout)
      throws IOException {
    int millis = millis(timeout);
    try (DatagramSocket socket = new DatagramSocket(null)) {
      if (local != null) {
        socket.bind(new InetSocketAddress(local.toInetAddress(), 0));
      }
      // Connecting filters out datagrams from other peers and surfaces ICMP port unreachable.
      socket.connect(new InetSocketAddress(address.toInetAddress(), port));
      socket.setSoTimeout(millis);
      socket.send(new DatagramPacket(request, request.length));
      byte[] buffer = new byte[MAX_DATAGRAM];
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      socket.receive(reply);
      return Arrays.copyOf(buffer, reply.getLength());
    }
  }

  @Override
  public boolean routes(IpAddress address) {
    try (DatagramSocket socket = new DatagramSocket(null)) {
      if (local != null) {
        socket.bind(new InetSocketAddress(local.toInetAddress(), 0));
      }
      // Connecting a UDP socket only asks the routing table; no datagram leaves.
      socket.connect(new InetSocketAddress(address.toInetAddress(), 9));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Socket timeouts in whole milliseconds, where 0 would mean "forever". */
  static int millis(Duration timeout) throws SocketTimeoutException {
    if (!timeout.isPositive()) {
      throw new SocketTimeoutException("no time left");
    }
    return Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
  }
}
