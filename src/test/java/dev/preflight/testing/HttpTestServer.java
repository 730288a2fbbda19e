package dev.preflight.testing;

import dev.preflight.testing.TestCertificates.Identity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 server on loopback, plain or over an {@link SSLServerSocket} presenting a minted
 * chain. It reads one request head, records it, and runs a {@link Behaviour} that writes anything
 * at all, well-formed or hostile.
 */
public final class HttpTestServer implements AutoCloseable {
  /** What the server does once the request head is read. */
  public interface Behaviour {
    void respond(String requestHead, OutputStream out) throws Exception;
  }

  private final LoopbackServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  private HttpTestServer(@Nullable Identity identity, Behaviour behaviour) {
    Handler handler = socket -> serve(socket, behaviour);
    this.server = identity == null ? LoopbackServer.start(handler::handle) : tls(identity, handler);
  }

  private interface Handler {
    void handle(Socket socket) throws Exception;
  }

  /** Plain HTTP. */
  public static HttpTestServer plain(Behaviour behaviour) {
    return new HttpTestServer(null, behaviour);
  }

  /** HTTPS presenting {@code identity}'s chain. */
  public static HttpTestServer tls(Identity identity, Behaviour behaviour) {
    return new HttpTestServer(identity, behaviour);
  }

  /** A behaviour answering {@code status} with headers (each "Name: value") and a body. */
  public static Behaviour answer(int status, String body, String... headers) {
    return (head, out) -> out.write(response(status, body, headers));
  }

  /** The bytes of a complete response with a Content-Length. */
  public static byte[] response(int status, String body, String... headers) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder text = new StringBuilder("HTTP/1.1 " + status + " Test\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    text.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    all.writeBytes(content);
    return all.toByteArray();
  }

  public int port() {
    return server.port();
  }

  /** The request heads received, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The request bodies received (as many bytes as Content-Length said, UTF-8), in order. */
  public List<String> bodies() {
    return List.copyOf(bodies);
  }

  private void serve(Socket socket, Behaviour behaviour) throws Exception {
    String head = readHead(socket.getInputStream());
    requests.add(head);
    bodies.add(readBody(socket.getInputStream(), head));
    OutputStream out = socket.getOutputStream();
    behaviour.respond(head, out);
    out.flush();
  }

  /** Reads up to the blank line ending a request head. */
  public static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String readBody(InputStream in, String head) throws IOException {
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d{1,6})\r\n").matcher(head);
    if (!length.find()) {
      return "";
    }
    return new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
  }

  private static LoopbackServer tls(Identity identity, Handler handler) {
    try {
      SSLServerSocket listener =
          (SSLServerSocket) identity.serverContext().getServerSocketFactory().createServerSocket();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      return LoopbackServer.start(listener, handler::handle);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
