package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.net.Clock;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DeadlineAndRecorderTest {
  /** A clock moved by hand. */
  private static final class ManualClock implements Clock {
    long nanos;

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public Instant now() {
      return Instant.EPOCH.plusNanos(nanos);
    }

    void advance(Duration duration) {
      nanos += duration.toNanos();
    }
  }

  private final ManualClock clock = new ManualClock();
  private final ProbeTarget target =
      new ProbeTarget(TestEndpoints.of("h.example.test", Protocol.TCP, 1), Route.DIRECT);

  @Test
  void deadlineCapsEachPhaseAndNeverGoesNegative() {
    Deadline deadline = Deadline.start(clock, Duration.ofSeconds(5));
    assertThat(deadline.capped(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(4));
    assertThat(deadline.capped(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    assertThat(deadline.expired()).isFalse();
    clock.advance(Duration.ofSeconds(3));
    assertThat(deadline.remaining()).isZero();
    assertThat(deadline.expired()).isTrue();
  }

  @Test
  void localWaitsDoNotSpendTheBudgetAndOverlappingOnesCountOnce() {
    Deadline deadline = Deadline.start(clock, Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(1));
    Deadline.LocalWait cpu = deadline.localWait();
    clock.advance(Duration.ofSeconds(2));
    Deadline.LocalWait dns = deadline.localWait();
    clock.advance(Duration.ofSeconds(3));
    cpu.close();
    cpu.close();
    clock.advance(Duration.ofSeconds(1));
    dns.close();
    clock.advance(Duration.ofSeconds(1));
    assertThat(deadline.elapsed()).isEqualTo(Duration.ofSeconds(8));
    assertThat(deadline.spent()).isEqualTo(Duration.ofSeconds(2));
    assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(3));
    assertThat(deadline.overdue()).isZero();
    clock.advance(Duration.ofSeconds(4));
    assertThat(deadline.expired()).isTrue();
    assertThat(deadline.overdue()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPhaseTimingLeavesOutTheLocalWaitsInsideIt() {
    Deadline deadline = Deadline.start(clock, Duration.ofSeconds(5));
    PhaseRecorder recorder = new PhaseRecorder(target, deadline, ProbeListener.NONE);
    recorder.start(Phase.TLS_HANDSHAKE);
    clock.advance(Duration.ofMillis(40));
    Deadline.LocalWait queuedForCpu = deadline.localWait();
    clock.advance(Duration.ofSeconds(3));
    assertThat(recorder.openFor()).isEqualTo(Duration.ofMillis(40));
    queuedForCpu.close();
    clock.advance(Duration.ofMillis(60));
    recorder.end(Phase.TLS_HANDSHAKE);
    assertThat(recorder.timings()).containsEntry(Phase.TLS_HANDSHAKE, Duration.ofMillis(100));
  }

  @Test
  void recorderTurnsEventsIntoTimingsAndKeepsTheFirstRun() {
    RecordingListener listener = new RecordingListener();
    PhaseRecorder recorder =
        new PhaseRecorder(target, Deadline.start(clock, Duration.ofSeconds(5)), listener);
    recorder.start(Phase.RESOLVE);
    clock.advance(Duration.ofMillis(3));
    recorder.end(Phase.RESOLVE);
    recorder.start(Phase.CONNECT);
    clock.advance(Duration.ofMillis(20));
    recorder.end(Phase.CONNECT);
    recorder.start(Phase.CONNECT);
    clock.advance(Duration.ofMillis(500));
    recorder.fail(Phase.CONNECT, ProbeFailure.fail(Cause.TCP_TIMEOUT, Phase.CONNECT, "x"));
    assertThat(recorder.timings())
        .containsEntry(Phase.RESOLVE, Duration.ofMillis(3))
        .containsEntry(Phase.CONNECT, Duration.ofMillis(20));
    assertThat(listener.events)
        .containsExactly(
            "start RESOLVE",
            "end RESOLVE",
            "start CONNECT",
            "end CONNECT",
            "start CONNECT",
            "fail CONNECT");
  }

  @Test
  void recorderRejectsUnpairedEvents() {
    PhaseRecorder recorder =
        new PhaseRecorder(target, Deadline.start(clock, Duration.ofSeconds(5)), ProbeListener.NONE);
    recorder.start(Phase.CONNECT);
    assertThatThrownBy(() -> recorder.start(Phase.REQUEST))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> recorder.end(Phase.REQUEST)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aThrowingListenerDoesNotChangeTheResult() {
    ProbeListener broken =
        new ProbeListener() {
          @Override
          public void phaseStarted(ProbeTarget t, Phase phase) {
            throw new IllegalStateException("broken listener");
          }
        };
    PhaseRecorder recorder =
        new PhaseRecorder(target, Deadline.start(clock, Duration.ofSeconds(5)), broken);
    recorder.start(Phase.RESOLVE);
    recorder.end(Phase.RESOLVE);
    assertThat(recorder.timings()).containsKey(Phase.RESOLVE);
  }
}
