package dev.preflight.cli;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The observer's counts and pending set: a probe abandoned at the run's bound that still finishes
 * later counts once, a probe run again (a confirming second attempt) counts again, and only probes
 * that started and have not ended are pending, with the step they are in.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RunObserverTest {
  private static final ProbeTarget A =
      new ProbeTarget(
          entry("a", "a.example.com", Protocol.HTTPS, 443, Impact.BLOCKING), Route.DIRECT);
  private static final ProbeTarget B =
      new ProbeTarget(
          entry("b", "b.example.com", Protocol.HTTPS, 443, Impact.BLOCKING), Route.DIRECT);

  private final StringWriter err = new StringWriter();
  private final RunObserver observer =
      new RunObserver(new PrintWriter(err), true, false, Duration.ofSeconds(5), 120);

  private static ProbeResult passed(ProbeTarget target) {
    return new ProbeResult(target, null, Map.of(), Map.of());
  }

  @Test
  void aProbeAbandonedAndFinishedLaterCountsOnce() {
    observer.planned(2);
    observer.probeStarted(A);
    observer.probeStarted(B);
    observer.phaseStarted(B, Phase.TLS_HANDSHAKE);
    observer.abandoned(A, "bound reached", new IllegalStateException("late"));
    observer.finished(passed(A));

    ProgressLine.Snapshot snapshot = observer.snapshot();
    assertThat(snapshot.done()).isEqualTo(1);
    assertThat(snapshot.total()).isEqualTo(2);
    assertThat(snapshot.pending())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.host()).isEqualTo("b.example.com");
              assertThat(p.phase()).isEqualTo(Phase.TLS_HANDSHAKE);
            });
    assertThat(snapshot.left()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aSecondAttemptCountsAgain() {
    observer.planned(1);
    observer.probeStarted(A);
    observer.finished(passed(A));
    observer.planned(1);
    observer.probeStarted(A);
    observer.finished(passed(A));

    assertThat(observer.snapshot().done()).isEqualTo(2);
    assertThat(observer.snapshot().pending()).isEmpty();
  }

  @Test
  void everyLineIsDrawnOverThePreviousOneAndTheLastIsErased() {
    observer.planned(1);
    observer.probeStarted(A);
    observer.finished(passed(A));
    observer.done();

    assertThat(err.toString())
        .startsWith("\r\u001b[2Kpreflight: 0/1 done")
        .contains("\r\u001b[2Kpreflight: 1/1 done")
        .endsWith("\r\u001b[2K")
        .doesNotContain("\n");
  }
}
