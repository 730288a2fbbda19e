package dev.preflight.run;

import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs probes all at once, one virtual thread each, at most {@code parallelism} in flight, and
 * waits no longer than the bound it is given: a run costs about its slowest probe, not the sum.
 *
 * <p>A probe still running when the bound expires is interrupted and abandoned, and a probe that
 * throws is abandoned with its exception; neither stops the others. The runner never waits for an
 * abandoned probe's thread to end.
 */
public final class ProbeRunner {
  /** Runs one probe; implementations bound themselves by the run's per-probe timeout. */
  @FunctionalInterface
  public interface Executor {
    ProbeResult probe(ProbeTarget target);
  }

  private final Executor executor;
  private final Semaphore permits;
  private final Clock wallClock;
  private final ProgressListener listener;

  /**
   * @param parallelism the most probes in flight at once; zero or less means no limit
   * @param wallClock the clock stamping each result's arrival
   */
  public ProbeRunner(
      Executor executor, int parallelism, Clock wallClock, ProgressListener listener) {
    this(
        executor,
        new Semaphore(parallelism > 0 ? parallelism : Integer.MAX_VALUE),
        wallClock,
        listener);
  }

  private ProbeRunner(
      Executor executor, Semaphore permits, Clock wallClock, ProgressListener listener) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.permits = permits;
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** A runner for another kind of probe that shares this one's parallelism limit. */
  public ProbeRunner with(Executor other) {
    return new ProbeRunner(other, permits, wallClock, listener);
  }

  /** Runs every target and returns one outcome per target, in the order given. */
  public List<ProbeOutcome> run(List<ProbeTarget> targets, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<ProbeOutcome>> futures = new ArrayList<>();
      for (ProbeTarget target : targets) {
        futures.add(threads.submit(() -> probe(target)));
      }
      List<ProbeOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        outcomes.add(await(targets.get(i), futures.get(i), deadline, bound));
      }
      return outcomes;
    } finally {
      // shutdownNow, not close: close() would wait for a probe that ignores interruption.
      threads.shutdownNow();
    }
  }

  private ProbeOutcome probe(ProbeTarget target) throws InterruptedException {
    permits.acquire();
    try {
      ProbeResult result = executor.probe(target);
      listener.finished(result);
      return new ProbeOutcome(target, result, null, wallClock.instant());
    } catch (RuntimeException e) {
      String reason =
          "The "
              + target.endpoint().protocol()
              + " probe failed unexpectedly (an internal error; --debug shows it).";
      listener.abandoned(target, reason, e);
      return new ProbeOutcome(target, null, reason, wallClock.instant());
    } finally {
      permits.release();
    }
  }

  private ProbeOutcome await(
      ProbeTarget target, Future<ProbeOutcome> future, long deadline, Duration bound) {
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      return future.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      String reason =
          "The probe did not finish within the run's bound of " + bound.toMillis() + " ms.";
      listener.abandoned(target, reason, e);
      return new ProbeOutcome(target, null, reason, wallClock.instant());
    } catch (ExecutionException e) {
      String reason = "The probe could not run (an internal error; --debug shows it).";
      listener.abandoned(target, reason, e.getCause());
      return new ProbeOutcome(target, null, reason, wallClock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new ProbeOutcome(target, null, "The run was interrupted.", wallClock.instant());
    }
  }
}
