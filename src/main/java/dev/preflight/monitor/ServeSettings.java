package dev.preflight.monitor;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code preflight serve} runs, already validated by the command line.
 *
 * @param listen the address and port to serve HTTP on
 * @param interval the time between runs (each wait is drawn within ±10% of it)
 * @param dataDir the directory holding the history database
 * @param retention how long stored runs are kept
 * @param access who may ask what
 */
public record ServeSettings(
    InetSocketAddress listen, Duration interval, Path dataDir, Duration retention, Access access) {
  public ServeSettings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(access, "access");
    if (!interval.isPositive() || !retention.isPositive()) {
      throw new IllegalArgumentException("interval and retention must be positive");
    }
  }
}
