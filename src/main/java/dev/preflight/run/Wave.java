package dev.preflight.run;

import dev.preflight.probe.CpuSlots;
import dev.preflight.probe.Deadline;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One pass of a {@link ProbeRunner} over a list of targets: every probe in a virtual thread, at
 * most the in-flight limit running, each with a deadline started as it leaves the queue. It also
 * measures what the pass cost this machine, for {@link #saturated}.
 */
final class Wave {
  /**
   * How long past its own deadline a probe may take to return, at least: a probe bounds every call
   * it makes, but on a starved machine its thread may wait that long to run again.
   */
  private static final Duration MIN_GRACE = Duration.ofSeconds(1);

  /** Computing time the backstop bound allows each probe, per CPU slot. */
  private static final Duration COMPUTING_PER_PROBE = Duration.ofMillis(50);

  /** The shortest wait between two looks at a late probe. */
  private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** Share of all cores a wave's CPU time must reach to count as saturating the machine. */
  private static final double BUSY_SHARE = 0.75;

  /** What every wave of a runner shares. */
  record Setup(
      ProbeRunner.Executor executor,
      Duration timeout,
      Semaphore inFlight,
      Concurrency concurrency,
      Clock wallClock,
      ProgressListener listener) {
    Setup with(ProbeRunner.Executor other) {
      return new Setup(other, timeout, inFlight, concurrency, wallClock, listener);
    }

    /** How long past its deadline a probe may take to return: the timeout, and at least 1 s. */
    Duration grace() {
      return timeout.compareTo(MIN_GRACE) > 0 ? timeout : MIN_GRACE;
    }
  }

  /** One probe of the wave; its deadline appears when it starts running. */
  private static final class Flight {
    final ProbeTarget target;
    volatile @Nullable Deadline deadline;
    @Nullable Future<ProbeOutcome> future;

    Flight(ProbeTarget target) {
      this.target = target;
    }
  }

  private final Setup setup;
  private final CpuSlots cpu;
  private final AtomicLong lastReturn = new AtomicLong(System.nanoTime());
  private Duration wall = Duration.ZERO;
  private Duration computing = Duration.ZERO;

  Wave(Setup setup, CpuSlots cpu) {
    this.setup = setup;
    this.cpu = cpu;
  }

  /**
   * The backstop: every round of in-flight probes its timeout and grace, plus computing time for
   * each probe per CPU slot, plus two seconds. Probes end long before unless preflight is at fault.
   */
  static Duration bound(Setup setup, int count) {
    int inFlight = setup.concurrency().inFlight();
    long rounds = Math.max(1, (count + inFlight - 1) / inFlight);
    Duration computing =
        COMPUTING_PER_PROBE.multipliedBy(count).dividedBy(setup.concurrency().cpu().limit());
    return setup.timeout().plus(setup.grace()).multipliedBy(rounds).plus(computing).plusSeconds(2);
  }

  /** Runs every target and returns one outcome per target, in the order given. */
  List<ProbeOutcome> run(List<ProbeTarget> targets) {
    long startNanos = System.nanoTime();
    Duration cpuBefore = processCpu();
    long stop = startNanos + bound(setup, targets.size()).toNanos();
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Flight> flights = new ArrayList<>(targets.size());
      for (ProbeTarget target : targets) {
        Flight flight = new Flight(target);
        flight.future = threads.submit(() -> fly(flight));
        flights.add(flight);
      }
      List<ProbeOutcome> outcomes = new ArrayList<>(flights.size());
      for (Flight flight : flights) {
        outcomes.add(await(flight, stop));
      }
      return outcomes;
    } finally {
      // shutdownNow, not close: close() would wait for a probe that ignores interruption.
      threads.shutdownNow();
      wall = Duration.ofNanos(System.nanoTime() - startNanos);
      computing = processCpu().minus(cpuBefore);
    }
  }

  /**
   * True when this wave's timeouts may come from this machine rather than the network: its CPU time
   * filled most of the cores, the load average is above the core count, or a quarter of the wave
   * (at least 16 probes) timed out at once.
   */
  boolean saturated(int timeouts, int count) {
    int cores = Runtime.getRuntime().availableProcessors();
    boolean busy = computing.toNanos() >= BUSY_SHARE * cores * wall.toNanos();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return busy || load >= cores || (timeouts >= 16 && timeouts * 4 >= count);
  }

  private ProbeOutcome fly(Flight flight) throws InterruptedException {
    setup.inFlight().acquire();
    try {
      Deadline deadline = Deadline.start(dev.preflight.probe.net.Clock.system(), setup.timeout());
      flight.deadline = deadline;
      ProbeResult result = setup.executor().probe(flight.target, deadline, cpu);
      setup.listener().finished(result);
      return new ProbeOutcome(flight.target, result, null, setup.wallClock().instant());
    } catch (RuntimeException e) {
      ProbeTarget target = flight.target;
      String reason = "The " + target.endpoint().protocol() + " probe failed unexpectedly: " + e;
      setup.listener().abandoned(target, reason, e);
      return abandoned(target, reason);
    } finally {
      setup.inFlight().release();
      lastReturn.set(System.nanoTime());
    }
  }

  /**
   * Waits while the probe is queued or within its own deadline and grace, and until {@code stop}.
   */
  private ProbeOutcome await(Flight flight, long stop) {
    Future<ProbeOutcome> future = flight.future;
    if (future == null) {
      throw new IllegalStateException("the probe was never submitted");
    }
    try {
      while (true) {
        long now = System.nanoTime();
        long wait = Math.max(Math.min(stop - now, patience(flight.deadline)), MIN_WAIT_NANOS);
        try {
          return future.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          String reason = giveUp(flight.deadline, stop);
          if (reason != null) {
            future.cancel(true);
            setup.listener().abandoned(flight.target, reason, e);
            return abandoned(flight.target, reason);
          }
        }
      }
    } catch (ExecutionException e) {
      String reason = "The probe could not run: " + e.getCause();
      setup.listener().abandoned(flight.target, reason, e.getCause());
      return abandoned(flight.target, reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return abandoned(flight.target, "The run was interrupted.");
    }
  }

  /** How long to wait before looking again: until the deadline and grace would be spent. */
  private long patience(@Nullable Deadline deadline) {
    if (deadline == null) {
      return setup.timeout().toNanos();
    }
    Duration left = deadline.remaining().plus(setup.grace()).minus(deadline.overdue());
    return left.toNanos();
  }

  /**
   * Why the runner stops waiting for a probe now, or null to keep waiting. Only a stalled wave
   * gives up — one in which no probe returned for a grace period: while probes still return, the
   * machine is busy finishing them and a late one is waiting for a thread or a CPU slot, not hung.
   * A stalled wave abandons a probe overdue by the grace, and, once the plan's bound has passed,
   * every probe still out.
   */
  private @Nullable String giveUp(@Nullable Deadline deadline, long stop) {
    long now = System.nanoTime();
    long grace = setup.grace().toNanos();
    if (now - lastReturn.get() < grace) {
      return null;
    }
    if (deadline != null && deadline.overdue().toNanos() >= grace) {
      return "The probe did not return within "
          + setup.grace().toMillis()
          + " ms after its own deadline of "
          + setup.timeout().toMillis()
          + " ms was spent, so preflight abandoned it; this is a fault in preflight, not a"
          + " finding about the network.";
    }
    if (now - stop >= 0) {
      return "The run's bound was reached before this probe "
          + (deadline == null ? "could start" : "finished")
          + ", so it was not judged.";
    }
    return null;
  }

  private ProbeOutcome abandoned(ProbeTarget target, String reason) {
    return new ProbeOutcome(target, null, reason, setup.wallClock().instant());
  }

  private static Duration processCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
