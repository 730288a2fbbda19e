package dev.preflight.verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP response's {@code Date} header next to the local time it arrived: a coarse reading of
 * the clock offset (one-second resolution, plus the response's transit time).
 */
public record ClockSample(Instant serverDate, Instant receivedAt) {
  public ClockSample {
    Objects.requireNonNull(serverDate, "serverDate");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** Reference time minus local time, in milliseconds (positive when the local clock is slow). */
  public long offsetMs() {
    return Duration.between(receivedAt, serverDate).toMillis();
  }
}
