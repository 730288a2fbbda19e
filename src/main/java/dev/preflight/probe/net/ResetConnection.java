package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A connection the peer accepted and reset before the connect call returned. The TCP handshake did
 * complete (a reset in answer to the SYN is a refusal, ECONNREFUSED, never ECONNRESET), so the
 * connect succeeded; what follows fails with the reset, in the phase that tries it. The probe then
 * judges the same cause whichever side of that race the reset fell on.
 */
final class ResetConnection implements Connection {
  private final IpAddress address;
  private final int port;

  ResetConnection(IpAddress address, int port) {
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
    throw reset();
  }

  @Override
  public OutputStream output() throws IOException {
    throw reset();
  }

  @Override
  public void readTimeout(Duration timeout) {
    // Nothing will be read.
  }

  @Override
  public TlsSession startTls(@Nullable String serverName, Duration timeout, NetworkWaits waits)
      throws IOException {
    throw reset();
  }

  @Override
  public void abortWhenSpent(Supplier<Duration> remaining) {
    // Nothing can block on this connection.
  }

  @Override
  public boolean aborted() {
    return false;
  }

  @Override
  public void close() {
    // The peer already closed it.
  }

  private static SocketException reset() {
    return new SocketException("Connection reset by peer right after it was accepted");
  }
}
