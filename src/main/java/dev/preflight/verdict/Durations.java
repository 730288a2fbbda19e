package dev.preflight.verdict;

import java.time.Duration;

/** Writes durations the way the options take them: {@code 500ms}, {@code 5s}, {@code 5m}. */
public final class Durations {
  private Durations() {}

  /** The shortest exact spelling of {@code d} in ms, s, m or h. */
  public static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  /**
   * An NTP-style offset (reference time minus local time) in words: {@code 3.2 s behind} when the
   * local clock is slow, {@code 420.0 s ahead of} when it is fast.
   */
  public static String aheadOrBehind(long offsetMs) {
    String amount = String.format(java.util.Locale.ROOT, "%.1f s", Math.abs(offsetMs) / 1000.0);
    return offsetMs >= 0 ? amount + " behind" : amount + " ahead of";
  }
}
