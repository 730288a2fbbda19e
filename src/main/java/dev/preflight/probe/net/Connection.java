package dev.preflight.probe.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One open TCP connection, optionally upgraded to TLS. After {@link #startTls} the streams carry
 * the TLS layer. A connection is used by one thread; {@link #close()} may be called from any thread
 * and more than once.
 */
public interface Connection extends Closeable {
  /** The remote address connected to. */
  IpAddress address();

  /** The remote port connected to. */
  int port();

  InputStream input() throws IOException;

  OutputStream output() throws IOException;

  /**
   * Bounds each following read.
   *
   * @throws java.net.SocketTimeoutException when {@code timeout} is not positive
   */
  void readTimeout(Duration timeout) throws IOException;

  /**
   * Runs a TLS client handshake over this connection (also over a proxy tunnel), sending {@code
   * serverName} as SNI unless it is null or an IP literal. The server's chain is captured, not
   * validated: the handshake succeeds whatever certificate comes back. {@code waits} hears each
   * wait for the peer during the handshake.
   *
   * @throws java.net.SocketTimeoutException when the handshake does not finish within {@code
   *     timeout}
   * @throws javax.net.ssl.SSLException when the peer aborts or speaks something else
   */
  TlsSession startTls(@Nullable String serverName, Duration timeout, NetworkWaits waits)
      throws IOException;

  /**
   * Closes this connection once {@code remaining} answers zero, whatever call is blocked on it: the
   * hard stop behind every deadline, for peers that trickle bytes just fast enough to defeat read
   * timeouts. {@code remaining} is asked again whenever the time it gave has passed, so a budget
   * that local waits extended is honoured.
   */
  void abortWhenSpent(Supplier<Duration> remaining);

  /** True when {@link #abortWhenSpent} closed the connection. */
  boolean aborted();

  @Override
  void close();
}
