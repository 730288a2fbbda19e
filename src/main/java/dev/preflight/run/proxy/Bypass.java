package dev.preflight.run.proxy;

/** The hosts a proxy setting sends directly, whatever its proxy: a bypass or exception list. */
@FunctionalInterface
public interface Bypass {
  /** Nothing bypasses the proxy. */
  Bypass NONE = (host, port) -> false;

  /** True when a request to {@code host} on {@code port} goes out directly. */
  boolean bypasses(String host, int port);
}
