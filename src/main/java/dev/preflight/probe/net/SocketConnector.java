package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
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
        socket.bind(new InetSocketAddress(Inet.of(local), 0));
      }
      socket.connect(new InetSocketAddress(Inet.of(address), port), millis);
      socket.setTcpNoDelay(true);
      return new SocketConnection(socket, address, port);
    } catch (SocketException e) {
      socket.close();
      if (isReset(e)) {
        return new ResetConnection(address, port);
      }
      throw e;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public byte[] exchange(
      IpAddress address, int port, byte[] request, Duration timeout, Predicate<byte[]> genuine)
      throws IOException {
    long deadline = System.nanoTime() + millis(timeout) * 1_000_000L;
    try (DatagramSocket socket = new DatagramSocket(null)) {
      if (local != null) {
        socket.bind(new InetSocketAddress(Inet.of(local), 0));
      }
      // Connecting filters out datagrams from other peers and surfaces ICMP port unreachable.
      socket.connect(new InetSocketAddress(Inet.of(address), port));
      socket.send(new DatagramPacket(request, request.length));
      byte[] buffer = new byte[MAX_DATAGRAM];
      while (true) {
        socket.setSoTimeout(millis(Duration.ofNanos(deadline - System.nanoTime())));
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        socket.receive(reply);
        byte[] bytes = Arrays.copyOf(buffer, reply.getLength());
        if (genuine.test(bytes)) {
          return bytes;
        }
      }
    }
  }

  @Override
  public boolean routes(IpAddress address) {
    try (DatagramSocket socket = new DatagramSocket(null)) {
      if (local != null) {
        socket.bind(new InetSocketAddress(Inet.of(local), 0));
      }
      // Connecting a UDP socket only asks the routing table; no datagram leaves.
      socket.connect(new InetSocketAddress(Inet.of(address), 9));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * ECONNRESET while connecting: the handshake completed and the peer reset the connection before
   * the connect call returned (ConnectException is the refusal, ECONNREFUSED).
   */
  private static boolean isReset(SocketException e) {
    return !(e instanceof ConnectException)
        && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("reset");
  }

  /** Socket timeouts in whole milliseconds, where 0 would mean "forever". */
  static int millis(Duration timeout) throws SocketTimeoutException {
    if (!timeout.isPositive()) {
      throw new SocketTimeoutException("no time left");
    }
    return Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
  }
}
