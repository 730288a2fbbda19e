package dev.preflight.probe;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The 48-byte SNTP message of RFC 4330 / RFC 5905: building a client request and reading a server
 * reply. Reading never trusts the peer: a reply shorter than 48 bytes is rejected before any field
 * is read.
 *
 * @param leap the leap indicator (3 = clock not synchronised)
 * @param version the protocol version
 * @param mode the association mode (4 = server)
 * @param stratum 0 = kiss-of-death, 1-15 = synchronised, 16+ = unsynchronised
 * @param referenceId the kiss code as text when stratum is 0
 * @param originate T1 as echoed by the server, raw NTP format
 * @param receive T2, when the server received the request
 * @param transmit T3, when the server sent the reply
 */
record SntpPacket(
    int leap,
    int version,
    int mode,
    int stratum,
    String referenceId,
    long originate,
    Instant receive,
    Instant transmit,
    long transmitRaw) {
  static final int SIZE = 48;
  private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

  /** A client request (version 4, mode 3) carrying {@code now} as its transmit timestamp. */
  static byte[] request(long transmit) {
    ByteBuffer buffer = ByteBuffer.allocate(SIZE);
    buffer.put((byte) (4 << 3 | 3));
    buffer.putLong(40, transmit);
    return buffer.array();
  }

  /** Parses a reply, or returns null when it is too short to be one. */
  static @Nullable SntpPacket parse(byte[] reply) {
    if (reply.length < SIZE) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(reply);
    int first = buffer.get(0) & 0xff;
    byte[] refId = new byte[4];
    buffer.get(12, refId);
    return new SntpPacket(
        first >> 6,
        first >> 3 & 7,
        first & 7,
        buffer.get(1) & 0xff,
        kissCode(refId),
        buffer.getLong(24),
        toInstant(buffer.getLong(32)),
        toInstant(buffer.getLong(40)),
        buffer.getLong(40));
  }

  /** The NTP timestamp of {@code instant}: seconds since 1900 and a 32-bit fraction. */
  static long timestamp(Instant instant) {
    long seconds = instant.getEpochSecond() + NTP_EPOCH_OFFSET;
    long fraction = (instant.getNano() * (1L << 32)) / 1_000_000_000L;
    return seconds << 32 | fraction;
  }

  static Instant toInstant(long timestamp) {
    long seconds = (timestamp >>> 32) - NTP_EPOCH_OFFSET;
    long nanos = ((timestamp & 0xffff_ffffL) * 1_000_000_000L) >>> 32;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Clock offset ((T2 - T1) + (T3 - T4)) / 2, RFC 5905 section 8. */
  static Duration offset(Instant t1, Instant t2, Instant t3, Instant t4) {
    return Duration.between(t1, t2).plus(Duration.between(t4, t3)).dividedBy(2);
  }

  /** Round-trip delay (T4 - T1) - (T3 - T2). */
  static Duration roundTrip(Instant t1, Instant t2, Instant t3, Instant t4) {
    return Duration.between(t1, t4).minus(Duration.between(t2, t3));
  }

  private static String kissCode(byte[] refId) {
    StringBuilder code = new StringBuilder();
    for (byte b : refId) {
      code.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
    }
    return code.toString();
  }
}
