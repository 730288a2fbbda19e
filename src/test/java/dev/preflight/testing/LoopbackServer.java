package dev.preflight.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 with an ephemeral port that hands every accepted connection to a
 * handler in its own virtual thread. Closing it closes the listener and every open connection, so
 * handlers that block forever (silent peers) end with the test.
 */
public final class LoopbackServer implements AutoCloseable {
  /** Serves one accepted connection; exceptions end that connection only. */
  public interface Handler {
    void handle(Socket socket) throws Exception;
  }

  private final ServerSocket listener;
  private final Handler handler;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private LoopbackServer(ServerSocket listener, Handler handler) {
    this.listener = listener;
    this.handler = handler;
    Thread.ofVirtual().name("accept-" + port()).start(this::acceptLoop);
  }

  /** Serves plain TCP on 127.0.0.1. */
  public static LoopbackServer start(Handler handler) {
    try {
      ServerSocket listener = new ServerSocket();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      return new LoopbackServer(listener, handler);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves on an already bound listener (for example an {@code SSLServerSocket}). */
  public static LoopbackServer start(ServerSocket listener, Handler handler) {
    return new LoopbackServer(listener, handler);
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      handler.handle(socket);
    } catch (Exception e) {
      // The peer went away or the test closed the server.
    } finally {
      open.remove(socket);
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
