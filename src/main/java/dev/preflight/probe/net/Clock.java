package dev.preflight.probe.net;

import java.time.Instant;

/**
 * The two clocks a probe reads: a monotonic one for deadlines and durations, and the wall clock for
 * NTP timestamps and HTTP {@code Date} comparisons. They are never mixed.
 */
public interface Clock {
  /** Monotonic nanoseconds, meaningful only as differences. */
  long nanoTime();

  /** The wall-clock time. */
  Instant now();

  /** The JVM's clocks. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
