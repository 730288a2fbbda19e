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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Reports a running check on standard error: a live progress line when standard error is
 * interactive, and with {@code --debug} every probe phase and every abandoned probe's stack trace.
 * Calls come from many probe threads; writes are serialized on the stream.
 */
final class RunObserver implements ProgressListener, ProbeListener {
  private final PrintWriter err;
  private final boolean progress;
  private final boolean debug;
  private final AtomicInteger planned = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();

  RunObserver(PrintWriter err, boolean progress, boolean debug) {
    this.err = err;
    this.progress = progress;
    this.debug = debug;
  }

  @Override
  public void planned(int count) {
    planned.addAndGet(count);
    line(null);
  }

  @Override
  public void finished(ProbeResult result) {
    finished.incrementAndGet();
    line(result.target());
  }

  @Override
  public void abandoned(ProbeTarget target, String reason, Throwable error) {
    finished.incrementAndGet();
    if (debug) {
      synchronized (err) {
        err.println("debug: " + target.endpoint().target() + ": " + Display.line(reason, 2000));
        error.printStackTrace(err);
        err.flush();
      }
    }
    line(target);
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
            + failure.message());
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

  /** Clears the progress line before the report is written. */
  void done() {
    if (progress && !debug) {
      synchronized (err) {
        err.print("\r\u001b[2K");
        err.flush();
      }
    }
  }

  private void debug(ProbeTarget target, String event) {
    if (debug) {
      synchronized (err) {
        err.println(
            "debug: "
                + target.endpoint().target()
                + " via "
                + target.route()
                + ": "
                + Display.line(event, 2000));
        err.flush();
      }
    }
  }

  private void line(@Nullable ProbeTarget last) {
    if (!progress || debug) {
      return;
    }
    String text =
        "preflight: probed "
            + finished.get()
            + "/"
            + planned.get()
            + (last == null ? "" : ", last " + last.endpoint().host());
    synchronized (err) {
      err.print("\r\u001b[2K" + (text.length() > 100 ? text.substring(0, 100) : text));
      err.flush();
    }
  }
}
