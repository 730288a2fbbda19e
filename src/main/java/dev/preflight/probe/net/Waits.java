package dev.preflight.probe.net;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waits for a lookup's future with a bound, turning its outcome back into I/O terms. */
final class Waits {
  private Waits() {}

  /**
   * The value of {@code future} within {@code wait}.
   *
   * @throws IOException the lookup's own failure, or {@code late}'s when the wait ran out
   * @throws IllegalStateException when the lookup failed with anything but an I/O error (a bug)
   */
  static <T> T get(CompletableFuture<T> future, Duration wait, Supplier<IOException> late)
      throws IOException {
    try {
      return future.get(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw late.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for DNS");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("the DNS lookup failed unexpectedly", e.getCause());
    }
  }
}
