package dev.preflight.probe.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.xbill.DNS.Message;

/**
 * Asks one query over TCP, as a stub resolver does when the UDP answer came back truncated (RFC
 * 7766 section 5): the message with its two-byte length prefix (RFC 1035 section 4.2.2), one
 * connection per query. Every connect and read is bounded by the query's deadline.
 */
final class TcpExchange {
  private TcpExchange() {}

  /**
   * The server's answer to {@code query}.
   *
   * @param deadlineNanos the {@link System#nanoTime()} by which the answer must be in
   * @throws SocketTimeoutException when the deadline passes first
   * @throws IOException when the connection fails or the answer does not match the query
   */
  static Message ask(InetSocketAddress server, DnsQuery query, long deadlineNanos)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(server, millisLeft(deadlineNanos));
      OutputStream out = socket.getOutputStream();
      byte[] wire = query.wire();
      out.write(
          ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).array());
      out.flush();
      byte[] length = read(socket, 2, deadlineNanos);
      int size = ((length[0] & 0xff) << 8) | (length[1] & 0xff);
      Message reply = query.match(read(socket, size, deadlineNanos));
      if (reply == null) {
        throw new IOException("the DNS server's answer over TCP does not match the query");
      }
      return reply;
    }
  }

  /**
   * Reads exactly {@code count} bytes; each read may wait only for what is left of the deadline.
   */
  private static byte[] read(Socket socket, int count, long deadlineNanos) throws IOException {
    byte[] bytes = new byte[count];
    InputStream in = socket.getInputStream();
    int done = 0;
    while (done < count) {
      socket.setSoTimeout(millisLeft(deadlineNanos));
      int n = in.read(bytes, done, count - done);
      if (n < 0) {
        throw new IOException("the DNS server closed the TCP connection before its answer ended");
      }
      done += n;
    }
    return bytes;
  }

  private static int millisLeft(long deadlineNanos) throws SocketTimeoutException {
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("no DNS answer over TCP within the deadline");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
