package dev.preflight.probe.net;

import java.util.Objects;

/**
 * One SRV answer (RFC 2782).
 *
 * @param host the target host, without the trailing dot
 * @param port the target port
 * @param priority lower is preferred
 * @param weight relative weight among equal priorities
 */
public record ServiceRecord(String host, int port, int priority, int weight) {
  public ServiceRecord {
    Objects.requireNonNull(host, "host");
  }
}
