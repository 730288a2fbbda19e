package dev.preflight.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy stub on loopback. {@code CONNECT} gets the configured status: 200 opens a tunnel to
 * {@code 127.0.0.1:tunnelPort} whatever host was asked for; 403 and 407 come back as Squid would
 * send them. Plain requests (absolute-form) get the configured canned response. Every request head
 * is recorded, so tests can check what the client sent (never credentials).
 */
public final class ConnectProxyStub implements AutoCloseable {
  private final LoopbackServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final int connectStatus;
  private final int tunnelPort;
  private final byte[] plainResponse;
  private final byte @Nullable [] connectResponse;

  private ConnectProxyStub(
      int connectStatus, int tunnelPort, byte[] plainResponse, byte @Nullable [] connectResponse) {
    this.connectStatus = connectStatus;
    this.tunnelPort = tunnelPort;
    this.plainResponse = plainResponse.clone();
    this.connectResponse = connectResponse == null ? null : connectResponse.clone();
    this.server = LoopbackServer.start(this::serve);
  }

  /** A proxy answering CONNECT with {@code status}; 200 tunnels to {@code tunnelPort}. */
  public static ConnectProxyStub connect(int status, int tunnelPort) {
    return new ConnectProxyStub(status, tunnelPort, HttpTestServer.response(502, "no plain"), null);
  }

  /** A proxy answering every plain request with {@code response}. */
  public static ConnectProxyStub plain(byte[] response) {
    return new ConnectProxyStub(405, 0, response, null);
  }

  /** A proxy answering every request, CONNECT and plain alike, with {@code response}. */
  public static ConnectProxyStub answering(byte[] response) {
    return new ConnectProxyStub(0, 0, response, response);
  }

  public int port() {
    return server.port();
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void serve(Socket client) throws IOException {
    String head = HttpTestServer.readHead(client.getInputStream());
    requests.add(head);
    OutputStream out = client.getOutputStream();
    if (!head.startsWith("CONNECT ")) {
      out.write(plainResponse);
      out.flush();
      return;
    }
    if (connectResponse != null) {
      out.write(connectResponse);
      out.flush();
      return;
    }
    if (connectStatus != 200) {
      out.write(refusal(connectStatus));
      out.flush();
      return;
    }
    try (Socket origin = new Socket(InetAddress.getLoopbackAddress(), tunnelPort)) {
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread upstream = Thread.ofVirtual().start(() -> pipe(client, origin));
      pipe(origin, client);
      upstream.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] refusal(int status) {
    if (status == 407) {
      return HttpTestServer.response(
          407,
          "auth required",
          "Proxy-Authenticate: Basic realm=\"corp\"",
          "Via: 1.1 proxy.test (squid/6.10)",
          "X-Squid-Error: ERR_CACHE_ACCESS_DENIED 0");
    }
    return HttpTestServer.response(
        status,
        "<html>Access denied</html>",
        "Via: 1.1 proxy.test (squid/6.10)",
        "X-Squid-Error: ERR_ACCESS_DENIED 0");
  }

  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
