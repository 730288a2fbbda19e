package dev.preflight.probe;

import dev.preflight.probe.net.Connection;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP/1.1 response with hard bounds: a line of at most 8 KiB, a head of at most 32 KiB
 * and 100 fields, a body of at most 64 KiB unless the caller sets another limit. Each read is
 * bounded by the time left on the deadline, so a peer that trickles bytes (slowloris) times out
 * with the deadline instead of holding the probe. Anything that is not HTTP, or exceeds a bound, is
 * a {@link ProtocolException}.
 */
final class ResponseReader {
  static final int MAX_LINE = 8 * 1024;
  static final int MAX_HEAD = 32 * 1024;
  static final int MAX_FIELDS = 100;
  static final int MAX_BODY = 64 * 1024;

  private final Connection connection;
  private final Deadline deadline;
  private final int maxBody;
  private final InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;
  private int headBytes;

  /**
   * @param buffered false reads byte by byte, so nothing after the head is consumed: needed after
   *     CONNECT, where the bytes that follow belong to TLS
   */
  ResponseReader(Connection connection, Deadline deadline, boolean buffered) throws IOException {
    this(connection, deadline, buffered, MAX_BODY);
  }

  /**
   * @param maxBody the most body bytes kept; a longer body is cut there and marked truncated
   */
  ResponseReader(Connection connection, Deadline deadline, boolean buffered, int maxBody)
      throws IOException {
    this.connection = connection;
    this.deadline = deadline;
    this.maxBody = maxBody;
    this.in = connection.input();
    this.buffer = new byte[buffered ? 8192 : 1];
  }

  /** Reads the status line and fields, skipping interim 1xx responses; then the body if asked. */
  HttpResponse read(boolean withBody) throws IOException {
    HttpResponse head = head();
    return withBody ? body(head) : head;
  }

  /** Reads the status line and fields, skipping interim 1xx responses; the body stays unread. */
  HttpResponse head() throws IOException {
    for (int interim = 0; interim < 5; interim++) {
      int status = statusLine(line());
      Map<String, List<String>> headers = fields();
      if (status >= 200 || status == 101) {
        return new HttpResponse(status, headers, new byte[0], false);
      }
    }
    throw new ProtocolException("too many interim 1xx responses");
  }

  /**
   * The error page that follows {@code head}, as far as it can be read within the deadline: a page
   * cut short still carries its signals, and a failure to read it must not hide the status already
   * received.
   */
  HttpResponse errorPage(HttpResponse head) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      boolean more = readBody(head.headers(), body);
      return new HttpResponse(head.status(), head.headers(), body.toByteArray(), more);
    } catch (IOException e) {
      return new HttpResponse(head.status(), head.headers(), body.toByteArray(), true);
    }
  }

  /** {@code head} with its body, read within the read limit. */
  HttpResponse body(HttpResponse head) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean more = readBody(head.headers(), body);
    return new HttpResponse(head.status(), head.headers(), body.toByteArray(), more);
  }

  private boolean readBody(Map<String, List<String>> headers, ByteArrayOutputStream body)
      throws IOException {
    String encoding = first(headers, "transfer-encoding");
    String length = first(headers, "content-length");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return chunked(body);
    } else if (length != null) {
      return fixed(body, contentLength(length));
    }
    return untilClose(body);
  }

  private static int statusLine(String line) throws ProtocolException {
    // "HTTP/1.1 200 OK": the version, a space, three digits, then anything.
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new ProtocolException("not an HTTP response: " + Printable.clip(line, 60));
    }
    String code = line.substring(9, 12);
    if (!code.chars().allMatch(Character::isDigit)
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw new ProtocolException("malformed status line: " + Printable.clip(line, 60));
    }
    int status = Integer.parseInt(code);
    if (status < 100 || status > 599) {
      throw new ProtocolException("status " + status + " is outside 100-599");
    }
    return status;
  }

  private Map<String, List<String>> fields() throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int count = 0; ; count++) {
      String line = line();
      if (line.isEmpty()) {
        return headers;
      }
      if (count >= MAX_FIELDS) {
        throw new ProtocolException("more than " + MAX_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("malformed header field: " + Printable.clip(line, 60));
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = next();
      if (b < 0) {
        throw new EOFException("the connection closed in the middle of the response head");
      }
      if (++headBytes > MAX_HEAD) {
        throw new ProtocolException("response head larger than " + MAX_HEAD / 1024 + " KiB");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new ProtocolException("response line longer than " + MAX_LINE / 1024 + " KiB");
      }
      line.write(b);
    }
  }

  private boolean fixed(ByteArrayOutputStream body, long length) throws IOException {
    readMore(body, Math.min(length, maxBody));
    return length > maxBody;
  }

  private boolean chunked(ByteArrayOutputStream body) throws IOException {
    while (true) {
      headBytes = 0; // chunk-size lines are bounded per line, not by the head's total
      String size = line();
      int semicolon = size.indexOf(';');
      long chunk = parseHex(semicolon >= 0 ? size.substring(0, semicolon) : size);
      if (chunk == 0) {
        return false;
      }
      if (body.size() + chunk > maxBody) {
        readMore(body, maxBody - body.size());
        return true;
      }
      readMore(body, chunk);
      headBytes = 0;
      line();
    }
  }

  private void readMore(ByteArrayOutputStream body, long count) throws IOException {
    for (long i = 0; i < count; i++) {
      int b = next();
      if (b < 0) {
        throw new EOFException("the body ended early, after " + body.size() + " bytes");
      }
      body.write(b);
    }
  }

  private boolean untilClose(ByteArrayOutputStream body) throws IOException {
    while (body.size() < maxBody) {
      int b = next();
      if (b < 0) {
        return false;
      }
      body.write(b);
    }
    return next() >= 0;
  }

  private int next() throws IOException {
    if (position == limit) {
      connection.readTimeout(deadline.remaining());
      int read = in.read(buffer, 0, buffer.length);
      if (read < 0) {
        return -1;
      }
      position = 0;
      limit = read;
    }
    return buffer[position++] & 0xff;
  }

  private static long contentLength(String value) throws ProtocolException {
    try {
      long length = Long.parseLong(value.trim());
      if (length < 0) {
        throw new ProtocolException("negative Content-Length");
      }
      return length;
    } catch (NumberFormatException e) {
      throw new ProtocolException("malformed Content-Length: " + Printable.clip(value, 40));
    }
  }

  private static long parseHex(String value) throws ProtocolException {
    try {
      long size = Long.parseLong(value.trim(), 16);
      if (size < 0) {
        throw new ProtocolException("negative chunk size");
      }
      return size;
    } catch (NumberFormatException e) {
      throw new ProtocolException("malformed chunk size: " + Printable.clip(value, 40));
    }
  }

  private static @Nullable String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? null : values.get(0);
  }
}
