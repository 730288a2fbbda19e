package dev.preflight.probe.net;

import java.time.Instant;

/** {@link System#nanoTime()} and {@link Instant#now()}. */
enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }
}
