package dev.preflight.monitor;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * Starts a run at once and then every interval, each wait drawn within ±10% of the interval so that
 * many sites do not probe in step. A run still going when the next is due is not queued: that start
 * is skipped and counted, so runs never pile up. Closing stops the timer, waits a grace period for
 * the current run and then abandons it (interrupting its thread).
 */
final class Scheduler implements AutoCloseable {
  private static final double JITTER = 0.1;

  private final Duration interval;
  private final Runnable run;
  private final Runnable skipped;
  private final RandomGenerator random;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("preflight-schedule"));
  private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("preflight-run"));

  /**
   * @param run one check run; it must not throw
   * @param skipped told each time a start is skipped because a run is still going
   */
  Scheduler(Duration interval, Runnable run, Runnable skipped, RandomGenerator random) {
    this.interval = interval;
    this.run = run;
    this.skipped = skipped;
    this.random = random;
  }

  void start() {
    timer.execute(this::tick);
  }

  /** The wait before the next start: the interval, give or take a tenth. */
  Duration nextDelay() {
    double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
    return Duration.ofNanos((long) (interval.toNanos() * factor));
  }

  private void tick() {
    if (running.compareAndSet(false, true)) {
      runner.execute(
          () -> {
            try {
              run.run();
            } finally {
              running.set(false);
            }
          });
    } else {
      skipped.run();
    }
    if (!timer.isShutdown()) {
      timer.schedule(this::tick, nextDelay().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Stops starting runs and waits at most {@code grace} for the current one before abandoning it.
   */
  void close(Duration grace) {
    timer.shutdownNow();
    runner.shutdown();
    try {
      if (!runner.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        runner.shutdownNow();
      }
    } catch (InterruptedException e) {
      runner.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ZERO);
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
