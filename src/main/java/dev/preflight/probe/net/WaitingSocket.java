package dev.preflight.probe.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A plain socket whose input stream tells its current {@link NetworkWaits} before a read blocks. A
 * TLS socket layered on it reads through that stream, so the handshake's waits for the peer are
 * visible even though the JDK runs the handshake inside one call.
 */
final class WaitingSocket extends Socket {
  private volatile NetworkWaits waits = NetworkWaits.NONE;

  void waits(NetworkWaits value) {
    waits = value;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return new Input(super.getInputStream());
  }

  private final class Input extends FilterInputStream {
    Input(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      NetworkWaits current = blockingWaits();
      current.waiting();
      try {
        return in.read();
      } finally {
        current.resumed();
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      NetworkWaits current = blockingWaits();
      current.waiting();
      try {
        return in.read(buffer, offset, length);
      } finally {
        current.resumed();
      }
    }

    /** The listener to tell, or {@link NetworkWaits#NONE} when the read will not block. */
    private NetworkWaits blockingWaits() throws IOException {
      NetworkWaits current = waits;
      return current == NetworkWaits.NONE || in.available() > 0 ? NetworkWaits.NONE : current;
    }
  }
}
