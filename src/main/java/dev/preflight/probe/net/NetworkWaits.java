package dev.preflight.probe.net;

/**
 * Hears when a connection's reader is about to block until the peer sends, and when it is back. The
 * TLS handshake gives up its CPU slot for the wait, so that a slow peer never holds a slot that
 * another probe could compute in. Called on the reading thread; never called for a read that the
 * bytes already received can serve.
 */
public interface NetworkWaits {
  /** Hears nothing. */
  NetworkWaits NONE =
      new NetworkWaits() {
        @Override
        public void waiting() {}

        @Override
        public void resumed() {}
      };

  /** The reading thread is about to block on the network. */
  void waiting();

  /** The blocked read returned or failed; this may itself wait for a local resource. */
  void resumed();
}
