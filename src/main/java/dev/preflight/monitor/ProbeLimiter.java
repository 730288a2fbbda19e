package dev.preflight.monitor;

/**
 * Bounds the probes that {@code /probe} requests may start: a token bucket (a burst of {@link
 * #BURST}, refilled at {@link #PER_SECOND} a second) and at most {@link #CONCURRENT} in flight. A
 * request over either limit is refused at once (429) rather than queued, so requests cannot pile up
 * probes.
 */
final class ProbeLimiter {
  static final int BURST = 20;
  static final double PER_SECOND = 2;
  static final int CONCURRENT = 4;

  private final java.util.function.LongSupplier nanos;
  private double tokens = BURST;
  private long refilled;
  private int inFlight;

  ProbeLimiter(java.util.function.LongSupplier nanos) {
    this.nanos = nanos;
    this.refilled = nanos.getAsLong();
  }

  /** Takes a token and a slot; false when the rate or the concurrency limit is reached. */
  synchronized boolean tryAcquire() {
    long now = nanos.getAsLong();
    tokens = Math.min(BURST, tokens + (now - refilled) / 1e9 * PER_SECOND);
    refilled = now;
    if (tokens < 1 || inFlight >= CONCURRENT) {
      return false;
    }
    tokens -= 1;
    inFlight++;
    return true;
  }

  /** Gives back the slot of a probe that finished. */
  synchronized void release() {
    inFlight--;
  }
}
