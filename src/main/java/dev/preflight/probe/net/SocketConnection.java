package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/** {@link Connection} over a {@link Socket}, upgraded in place to an {@link SSLSocket}. */
final class SocketConnection implements Connection {
  private static @Nullable SSLContext shared;

  private final WaitingSocket plain;
  private final IpAddress address;
  private final int port;
  private final AtomicBoolean aborted = new AtomicBoolean();
  private volatile Socket socket;
  private volatile @Nullable Thread watchdog;

  SocketConnection(WaitingSocket plain, IpAddress address, int port) {
    this.plain = plain;
    this.socket = plain;
    this.address = address;
    this.port = port;
  }

  @Override
  public IpAddress address() {
    return address;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public InputStream input() throws IOException {
    return socket.getInputStream();
  }

  @Override
  public OutputStream output() throws IOException {
    return socket.getOutputStream();
  }

  @Override
  public void readTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout(SocketConnector.millis(timeout));
  }

  @Override
  public TlsSession startTls(@Nullable String serverName, Duration timeout, NetworkWaits waits)
      throws IOException {
    plain.waits(waits);
    try {
      return handshake(serverName, timeout);
    } finally {
      plain.waits(NetworkWaits.NONE);
    }
  }

  private TlsSession handshake(@Nullable String serverName, Duration timeout) throws IOException {
    String peer = serverName != null ? serverName : address.text();
    SSLSocket tls = (SSLSocket) context().getSocketFactory().createSocket(plain, peer, port, true);
    socket = tls;
    SSLParameters parameters = tls.getSSLParameters();
    SNIHostName sni = serverName == null ? null : sniName(serverName);
    if (sni != null) {
      parameters.setServerNames(List.of(sni));
    }
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(SocketConnector.millis(timeout));
    tls.startHandshake();
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate certificate : tls.getSession().getPeerCertificates()) {
      if (certificate instanceof X509Certificate x509) {
        chain.add(x509);
      }
    }
    if (chain.isEmpty()) {
      throw new SSLException("the server sent no X.509 certificate");
    }
    SSLSession session = tls.getSession();
    session.invalidate();
    return new TlsSession(session.getProtocol(), session.getCipherSuite(), chain);
  }

  @Override
  public void abortWhenSpent(Supplier<Duration> remaining) {
    Thread previous = watchdog;
    if (previous != null) {
      previous.interrupt();
    }
    watchdog =
        Thread.ofVirtual().name("abort-" + address + ":" + port).start(() -> expire(remaining));
  }

  @Override
  public boolean aborted() {
    return aborted.get();
  }

  @Override
  public void close() {
    Thread current = watchdog;
    if (current != null && current != Thread.currentThread()) {
      current.interrupt();
    }
    closeQuietly();
  }

  private void expire(Supplier<Duration> remaining) {
    try {
      for (Duration left = remaining.get(); left.isPositive(); left = remaining.get()) {
        Thread.sleep(left);
      }
    } catch (InterruptedException e) {
      return; // closed or re-armed in time
    }
    aborted.set(true);
    try {
      // The TCP socket first: that unblocks a TLS read or handshake at once, whereas closing the
      // TLS layer would first try to send close_notify to a peer that may not be reading.
      plain.close();
    } catch (IOException e) {
      // already closed
    }
    closeQuietly();
  }

  /**
   * Closes the TCP socket before the TLS layer. Closing an {@code SSLSocket} first reads whatever
   * the peer still sends ({@code SSLSocketImpl} depletes the input, blocking up to the read timeout
   * when nothing is buffered), so a server streaming or stalling after the capped body would cost
   * megabytes or the rest of the deadline. The probe needs no close_notify: it is done.
   */
  private void closeQuietly() {
    try {
      plain.close();
    } catch (IOException e) {
      // Closing is best effort: the connection is discarded either way.
    }
    try {
      socket.close();
    } catch (IOException e) {
      // The TCP socket is already closed; the TLS layer has nothing left to do.
    }
  }

  /** The SNI name, or null for IP literals and names SNI cannot carry (RFC 6066 section 3). */
  private static @Nullable SNIHostName sniName(String serverName) {
    if (IpAddress.isLiteral(serverName)) {
      return null;
    }
    try {
      return new SNIHostName(serverName);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * One client context for every connection: a context per connection costs tens of kilobytes and
   * its set-up work, thousands of times in a large run. It never resumes a session: every session
   * is invalidated after its handshake, so each probe sees a full handshake and the chain the
   * server sends now. Its elliptic-curve arithmetic is {@link FastCurves}'.
   */
  private static synchronized SSLContext context() throws IOException {
    if (shared == null) {
      FastCurves.install();
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {CapturingTrustManager.INSTANCE}, null);
        shared = context;
      } catch (GeneralSecurityException e) {
        throw new IOException("TLS is not available in this JVM", e);
      }
    }
    return shared;
  }
}
