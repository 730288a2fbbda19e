package dev.preflight.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/** A UDP (S)NTP responder on 127.0.0.1 that answers correctly, with skew, or badly. */
public final class NtpTestServer implements AutoCloseable {
  /** How the server answers. */
  public enum Mode {
    NORMAL,
    /** Stratum 0 with the kiss code RATE (RFC 5905 section 7.4). */
    KISS_OF_DEATH,
    /** Leap indicator 3: the server's clock is not synchronised. */
    UNSYNCHRONISED,
    /** Twelve random bytes. */
    GARBAGE,
    /** A well-formed reply whose originate timestamp is not the request's. */
    WRONG_ORIGIN,
    /** A stale reply (wrong originate timestamp) first, then the genuine one. */
    STALE_FIRST,
    /** Never answers. */
    SILENT
  }

  private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

  private final DatagramSocket socket;
  private final Mode mode;
  private final Duration offset;

  public NtpTestServer(Mode mode, Duration offset) {
    this.mode = mode;
    this.offset = offset;
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Thread.ofVirtual().name("ntp-" + socket.getLocalPort()).start(this::serve);
  }

  public NtpTestServer(Mode mode) {
    this(mode, Duration.ZERO);
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Instant received = Instant.now().plus(offset);
        byte[] request = Arrays.copyOf(buffer, packet.getLength());
        if (mode == Mode.STALE_FIRST) {
          byte[] stale = reply(request, received, true);
          socket.send(new DatagramPacket(stale, stale.length, packet.getSocketAddress()));
        }
        byte[] reply = reply(request, received, mode == Mode.WRONG_ORIGIN);
        if (reply != null) {
          socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        // closed
      }
    }
  }

  private byte[] reply(byte[] request, Instant received, boolean wrongOrigin) {
    if (mode == Mode.SILENT) {
      return null;
    }
    if (mode == Mode.GARBAGE) {
      return "not an ntp!".getBytes(StandardCharsets.US_ASCII);
    }
    ByteBuffer out = ByteBuffer.allocate(48);
    int leap = mode == Mode.UNSYNCHRONISED ? 3 : 0;
    out.put((byte) (leap << 6 | 4 << 3 | 4));
    out.put((byte) (mode == Mode.KISS_OF_DEATH ? 0 : 2));
    out.put((byte) 6).put((byte) -20);
    out.putInt(0).putInt(0);
    out.put(
        mode == Mode.KISS_OF_DEATH
            ? "RATE".getBytes(StandardCharsets.US_ASCII)
            : new byte[] {127, 0, 0, 1});
    out.putLong(timestamp(received));
    byte[] origin = Arrays.copyOfRange(request, 40, 48);
    if (wrongOrigin) {
      origin[7] ^= 0x55;
    }
    out.put(origin);
    out.putLong(timestamp(received));
    out.putLong(timestamp(Instant.now().plus(offset)));
    return out.array();
  }

  /** NTP 64-bit timestamp: seconds since 1900 and a 32-bit fraction. */
  public static long timestamp(Instant instant) {
    long seconds = instant.getEpochSecond() + NTP_EPOCH_OFFSET;
    long fraction = (instant.getNano() * (1L << 32)) / 1_000_000_000L;
    return seconds << 32 | fraction;
  }

  @Override
  public void close() {
    socket.close();
  }
}
