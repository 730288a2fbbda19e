package dev.preflight.run;

import dev.preflight.probe.Confirmation;
import dev.preflight.probe.CpuSlots;
import dev.preflight.probe.Deadline;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Runs probes concurrently, one virtual thread each, as many in flight as the {@link Concurrency}
 * allows, then confirms every timeout with a second attempt before it is reported (see {@link
 * Confirmation}). A run costs about its slowest probe, and with real drops about two timeouts.
 *
 * <p>Each probe's {@link Deadline} starts when the probe leaves the queue and starts running; time
 * queued for a CPU slot inside it does not count. The runner waits for a probe as long as the probe
 * is within its own deadline, or other probes still return, so it never cuts off a probe that is
 * still allowed to run. Only when no probe returned for a grace of one timeout does it abandon a
 * probe that overran its deadline by that grace (every blocking call of a probe is bounded, so that
 * is a fault in preflight), and, past a bound computed from the plan, every probe still out. An
 * abandoned probe's reason says which; a probe that throws is abandoned with its exception. The
 * runner never waits for an abandoned probe's thread to end.
 *
 * <p>When the first wave shows the machine saturated (its CPU busy, a high load average, or many
 * timeouts at once), the confirmations compute one at a time: every second attempt is still in
 * flight at once, so confirming costs one more timeout, but the handshakes that could be starved
 * run alone.
 */
public final class ProbeRunner {
  /**
   * Runs one probe within {@code deadline}, taking CPU slots for its handshake from {@code cpu}.
   */
  @FunctionalInterface
  public interface Executor {
    ProbeResult probe(ProbeTarget target, Deadline deadline, CpuSlots cpu);
  }

  private final Wave.Setup setup;

  /**
   * @param timeout the per-probe deadline
   * @param wallClock the clock stamping each result's arrival
   */
  public ProbeRunner(
      Executor executor,
      Duration timeout,
      Concurrency concurrency,
      Clock wallClock,
      ProgressListener listener) {
    this(
        new Wave.Setup(
            Objects.requireNonNull(executor, "executor"),
            Objects.requireNonNull(timeout, "timeout"),
            new Semaphore(concurrency.inFlight(), true),
            concurrency,
            Objects.requireNonNull(wallClock, "wallClock"),
            Objects.requireNonNull(listener, "listener")));
  }

  private ProbeRunner(Wave.Setup setup) {
    this.setup = setup;
  }

  /** A runner for another kind of probe that shares this one's limits. */
  public ProbeRunner with(Executor other) {
    return new ProbeRunner(setup.with(other));
  }

  /**
   * The longest {@link #run} waits for {@code count} probes: a first wave and a confirming one.
   * Only a fault in preflight can make it wait that long.
   */
  public Duration bound(int count) {
    return Wave.bound(setup, count).multipliedBy(2);
  }

  /** Runs every target, confirms the timeouts, and returns one outcome per target, in order. */
  public List<ProbeOutcome> run(List<ProbeTarget> targets) {
    Wave first = new Wave(setup, setup.concurrency().cpu());
    List<ProbeOutcome> outcomes = new ArrayList<>(first.run(targets));
    List<Integer> timedOut = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      ProbeResult result = outcomes.get(i).result();
      if (result != null && Confirmation.needed(result)) {
        timedOut.add(i);
      }
    }
    if (timedOut.isEmpty()) {
      return outcomes;
    }
    boolean saturated = first.saturated(timedOut.size(), targets.size());
    CpuSlots cpu = saturated ? new CpuSlots(1) : setup.concurrency().cpu();
    setup.listener().planned(timedOut.size());
    List<ProbeOutcome> second =
        new Wave(setup, cpu).run(timedOut.stream().map(i -> targets.get(i)).toList());
    for (int j = 0; j < timedOut.size(); j++) {
      int i = timedOut.get(j);
      outcomes.set(i, confirmed(outcomes.get(i), second.get(j)));
    }
    return outcomes;
  }

  private static ProbeOutcome confirmed(ProbeOutcome first, ProbeOutcome second) {
    ProbeResult firstResult = Objects.requireNonNull(first.result());
    ProbeResult secondResult = second.result();
    if (secondResult == null) {
      return first; // the second attempt was lost; the first one's observation still stands
    }
    return new ProbeOutcome(
        second.target(), Confirmation.merge(firstResult, secondResult), null, second.finishedAt());
  }
}
