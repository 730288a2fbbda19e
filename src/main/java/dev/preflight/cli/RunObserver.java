package dev.preflight.cli;

import dev.preflight.common.Display;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeListener;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.run.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Reports a running check on standard error: with {@code progress}, a live line ({@link
 * ProgressLine}) redrawn as probes finish and twice a second while they wait, so the seconds and
 * the pending names keep moving; with {@code debug}, every probe phase and every abandoned probe's
 * stack trace instead. Calls come from many probe threads; every write happens under the stream's
 * lock with counts read there, so the line never goes backwards.
 */
final class RunObserver implements ProgressListener, ProbeListener {
  private static final long REDRAW_MILLIS = 500;
  private static final String ERASE = "\r\u001b[2K";

  private final PrintWriter err;
  private final boolean progress;
  private final boolean debug;
  private final Duration timeout;
  private final int width;
  private final AtomicInteger planned = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final Map<ProbeTarget, Running> running = new ConcurrentHashMap<>();
  private final Map<ProbeTarget, Tally> tallies = new HashMap<>();
  private volatile boolean closed;
  private @Nullable Thread redraw;

  private record Running(long startNanos, @Nullable Phase phase) {}

  /**
   * How often a target started and ended. A probe abandoned at the run's bound may still finish
   * later; that second end is not counted, so {@code done} never passes what was planned.
   */
  private record Tally(int starts, int ends) {
    boolean owesAnEnd() {
      return ends < Math.max(starts, 1);
    }
  }

  /**
   * @param timeout the per-probe deadline, for the time left
   * @param width the terminal's width in characters
   */
  RunObserver(PrintWriter err, boolean progress, boolean debug, Duration timeout, int width) {
    this.err = err;
    this.progress = progress && !debug;
    this.debug = debug;
    this.timeout = timeout;
    this.width = width;
  }

  RunObserver(PrintWriter err, boolean progress, boolean debug, Duration timeout) {
    this(err, progress, debug, timeout, 80);
  }

  @Override
  public void planned(int count) {
    planned.addAndGet(count);
    draw();
  }

  @Override
  public void probeStarted(ProbeTarget target) {
    synchronized (tallies) {
      Tally tally = tallies.getOrDefault(target, new Tally(0, 0));
      tallies.put(target, new Tally(tally.starts() + 1, tally.ends()));
    }
    running.put(target, new Running(System.nanoTime(), null));
  }

  @Override
  public void phaseStarted(ProbeTarget target, Phase phase) {
    running.computeIfPresent(target, (t, r) -> new Running(r.startNanos(), phase));
  }

  @Override
  public void finished(ProbeResult result) {
    ended(result.target());
  }

  @Override
  public void abandoned(ProbeTarget target, String reason, Throwable error) {
    if (debug) {
      synchronized (err) {
        err.println(
            "debug: "
                + Display.line(target.endpoint().target())
                + ": "
                + Display.line(reason, 2000));
        error.printStackTrace(err);
        err.flush();
      }
    }
    ended(target);
  }

  @Override
  public void phaseEnded(ProbeTarget target, Phase phase, Duration elapsed) {
    debug(target, phase + " ok in " + elapsed.toMillis() + " ms");
  }

  @Override
  public void phaseFailed(ProbeTarget target, Phase phase, Duration elapsed, ProbeFailure failure) {
    debug(
        target,
        phase
            + " "
            + failure.cause()
            + " after "
            + elapsed.toMillis()
            + " ms: "
            + Display.line(failure.message()));
  }

  /**
   * With {@code --debug}, how many DNS queries went out, in all and per name (resends and TCP
   * retries included): more than one per name and record type means resends.
   */
  void queriesSent(Map<String, Integer> perName) {
    if (!debug) {
      return;
    }
    int total = perName.values().stream().mapToInt(Integer::intValue).sum();
    synchronized (err) {
      err.println("debug: DNS queries sent: " + total + " for " + perName.size() + " names");
      perName.forEach(
          (name, count) ->
              err.println("debug: DNS queries sent for " + Display.line(name) + ": " + count));
      err.flush();
    }
  }

  /** Starts redrawing the line twice a second, when there is a line to draw. */
  void start() {
    if (progress && redraw == null) {
      redraw = Thread.ofPlatform().daemon().name("preflight-progress").start(this::redrawLoop);
    }
  }

  /** Stops redrawing and erases the line, before the report or an error is written. */
  void done() {
    closed = true;
    Thread thread = redraw;
    if (thread != null) {
      thread.interrupt();
    }
    if (progress) {
      synchronized (err) {
        err.print(ERASE);
        err.flush();
      }
    }
  }

  /** What the line would show now. */
  ProgressLine.Snapshot snapshot() {
    long now = System.nanoTime();
    List<ProgressLine.Pending> pending =
        running.entrySet().stream()
            .map(
                e ->
                    new ProgressLine.Pending(
                        Display.line(e.getKey().endpoint().host()),
                        e.getValue().phase(),
                        Duration.ofNanos(now - e.getValue().startNanos())))
            .toList();
    Duration left =
        running.values().stream()
            .map(r -> timeout.minusNanos(now - r.startNanos()))
            .max(Duration::compareTo)
            .map(d -> d.isNegative() ? Duration.ZERO : d)
            .orElse(null);
    return new ProgressLine.Snapshot(finished.get(), planned.get(), pending, left);
  }

  private void ended(ProbeTarget target) {
    running.remove(target);
    if (countEnd(target)) {
      finished.incrementAndGet();
      draw();
    }
  }

  private boolean countEnd(ProbeTarget target) {
    synchronized (tallies) {
      Tally tally = tallies.getOrDefault(target, new Tally(0, 0));
      if (!tally.owesAnEnd()) {
        return false;
      }
      tallies.put(target, new Tally(tally.starts(), tally.ends() + 1));
      return true;
    }
  }

  private void redrawLoop() {
    while (!closed) {
      try {
        Thread.sleep(REDRAW_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      draw();
    }
  }

  private void draw() {
    if (!progress) {
      return;
    }
    synchronized (err) {
      if (!closed) {
        err.print(ERASE + ProgressLine.render(snapshot(), width - 1));
        err.flush();
      }
    }
  }

  private void debug(ProbeTarget target, String event) {
    if (debug) {
      synchronized (err) {
        err.println(
            "debug: "
                + Display.line(target.endpoint().target())
                + " via "
                + target.route()
                + ": "
                + Display.line(event, 2000));
        err.flush();
      }
    }
  }
}
