package dev.preflight.policy.pac;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs sandbox work on a thread the caller can walk away from. The caller waits while the script's
 * own run time (DNS waits excluded) stays within its wall-clock ceiling plus a grace period; past
 * that, or once DNS waits pass their own budget, it stops waiting, flags the evaluation stopped and
 * replaces the thread, so an evaluation stuck inside a built-in never blocks the caller.
 */
final class SandboxRunner {
  /** Extra time for the in-script checks to fire before the caller stops waiting. */
  private static final Duration GRACE = Duration.ofMillis(300);

  private static final long STACK_BYTES = 8L << 20;

  private ThreadPoolExecutor executor = newExecutor();

  /** Thrown when the caller stopped waiting for a runaway evaluation. */
  static final class Abandoned extends Exception {
    private static final long serialVersionUID = 1L;

    /** The name being looked up when the caller gave up, read before the thread was interrupted. */
    final @Nullable String pendingLookup;

    Abandoned(@Nullable String pendingLookup) {
      super(pendingLookup, null, false, false);
      this.pendingLookup = pendingLookup;
    }
  }

  private static ThreadPoolExecutor newExecutor() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(null, task, "pac-sandbox", STACK_BYTES);
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Runs {@code task} and returns its result.
   *
   * @throws ExecutionException wrapping whatever the task threw
   * @throws Abandoned when the evaluation ran past its budget and was left behind
   */
  <T> T run(Callable<T> task, CallState state) throws ExecutionException, Abandoned {
    Future<T> future = executor.submit(task);
    long limit = state.limits.wallTime().plus(GRACE).toNanos();
    long ceiling = state.limits.wallTime().plus(state.limits.dnsTime()).plus(GRACE).toNanos();
    while (true) {
      try {
        return future.get(10, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (state.scriptNanos() > limit || state.elapsedNanos() > ceiling) {
          String lookup = state.pendingLookup();
          abandon(future, state);
          throw new Abandoned(lookup);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        String lookup = state.pendingLookup();
        abandon(future, state);
        throw new Abandoned(lookup);
      }
    }
  }

  private void abandon(Future<?> future, CallState state) {
    state.stop();
    future.cancel(true);
    executor.shutdownNow();
    executor = newExecutor();
  }
}
