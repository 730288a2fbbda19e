package dev.preflight.policy.squid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends one request to a proxy on loopback and reads the response head, within a deadline. */
final class ProxyClient {
  private static final Duration DEADLINE = Duration.ofSeconds(5);

  private ProxyClient() {}

  /** The status code and the raw response head. */
  record Answer(int status, String headers) {
    /** allowed, denied or auth, as Squid decided; anything unexpected is spelled out. */
    String decision() {
      if (status == 407) {
        return "auth";
      }
      if (status == 403) {
        return headers.contains("X-Squid-Error: ERR_ACCESS_DENIED") ? "denied" : "other-403";
      }
      return "allowed";
    }
  }

  static Answer send(int port, String requestLine, String hostHeader) throws IOException {
    return send("127.0.0.1", port, requestLine, hostHeader);
  }

  /** Sends to the proxy at {@code address} (a literal), which is also the source address used. */
  static Answer send(String address, int port, String requestLine, String hostHeader)
      throws IOException {
    try (Socket socket = new Socket()) {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      socket.connect(new InetSocketAddress(address, port), (int) DEADLINE.toMillis());
      socket.setSoTimeout((int) DEADLINE.toMillis());
      String request = requestLine + "\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String head = readHead(socket.getInputStream(), deadline);
      String statusLine = head.lines().findFirst().orElse("");
      String[] parts = statusLine.split(" ");
      if (parts.length < 2 || !parts[1].matches("\\d{3}")) {
        throw new IOException("no HTTP status line from squid: '" + statusLine + "'");
      }
      return new Answer(Integer.parseInt(parts[1]), head);
    }
  }

  private static String readHead(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int tail = 0;
    while (tail != 0x0d0a0d0a) {
      if (System.nanoTime() > deadline) {
        throw new SocketTimeoutException("response head not complete in time");
      }
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      tail = tail << 8 | b;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
