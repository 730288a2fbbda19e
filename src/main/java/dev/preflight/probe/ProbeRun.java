package dev.preflight.probe;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The state of one probe while it runs: its deadline, the phase recorder and the facts learned.
 * Phases run through {@link #phase}, which records them and turns an exception into a failure via
 * the {@link FailureClassifier}, so each probe reads as a straight sequence of steps.
 */
final class ProbeRun {
  /** One blocking step of a phase. */
  interface Step<T> {
    T run() throws IOException;
  }

  private final ProbeTarget target;
  private final ProbeContext context;
  private final Deadline deadline;
  private final PhaseRecorder recorder;
  private final Map<Fact, String> facts = new EnumMap<>(Fact.class);
  private @Nullable ProbeFailure warning;
  private @Nullable CompletableFuture<Optional<ProbeFailure>> sideCheck;

  ProbeRun(ProbeTarget target, ProbeContext context, Deadline deadline) {
    this.target = target;
    this.context = context;
    this.deadline = deadline;
    this.recorder = new PhaseRecorder(target, deadline, context.listener());
    safely(() -> context.listener().probeStarted(target));
  }

  ProbeTarget target() {
    return target;
  }

  ProbeContext context() {
    return context;
  }

  Deadline deadline() {
    return deadline;
  }

  /** Runs {@code step} as {@code phase}; an exception ends the probe with a classified failure. */
  <T> T phase(Phase phase, FailureClassifier.Peer peer, String subject, Step<T> step)
      throws ProbeAbort {
    recorder.start(phase);
    T value = attempt(phase, peer, subject, step);
    recorder.end(phase);
    return value;
  }

  /**
   * Runs {@code step} inside the already open {@code phase}, which stays open for the caller to
   * judge what came back; an exception fails the phase with a classified cause.
   */
  <T> T attempt(Phase phase, FailureClassifier.Peer peer, String subject, Step<T> step)
      throws ProbeAbort {
    try {
      return step.run();
    } catch (IOException e) {
      throw abort(classify(phase, peer, subject, e));
    }
  }

  /** Classifies {@code error}, thrown in the open {@code phase}, with the time the phase had. */
  ProbeFailure classify(Phase phase, FailureClassifier.Peer peer, String subject, Throwable error) {
    return FailureClassifier.classify(
        phase, peer, subject, error, FailureClassifier.Waited.of(deadline, recorder.openFor()));
  }

  /** Waits for a CPU slot, outside the deadline, for the CPU-heavy part of a phase. */
  CpuSlots.Held cpuSlot() {
    return context.cpu().acquire(deadline);
  }

  void start(Phase phase) {
    recorder.start(phase);
  }

  void end(Phase phase) {
    recorder.end(phase);
  }

  /** Fails the open phase with a cause judged from what was observed. */
  ProbeAbort fail(Phase phase, Cause cause, String message) {
    return abort(ProbeFailure.fail(cause, phase, message));
  }

  /** Fails the open phase with {@code failure}. */
  ProbeAbort abort(ProbeFailure failure) {
    if (recorder.open() == failure.phase()) {
      recorder.fail(failure.phase(), failure);
    }
    return new ProbeAbort(failure);
  }

  /** Ends the probe without a verdict of its own: it does not apply here, for {@code reason}. */
  ProbeAbort notApplicable(String reason) {
    fact(Fact.NOT_APPLICABLE, reason);
    return new ProbeAbort(null);
  }

  void fact(Fact fact, String value) {
    facts.put(fact, Printable.clip(value, 512));
  }

  /** Records a problem that does not fail the endpoint; the first one wins. */
  void warn(ProbeFailure failure) {
    if (warning == null) {
      warning = failure;
    }
  }

  /** Runs {@code check} alongside; its warning, if any, is added when the probe passes. */
  void alsoCheck(CompletableFuture<Optional<ProbeFailure>> check) {
    sideCheck = check;
  }

  ProbeResult passed() {
    joinSideCheck();
    return finish(warning);
  }

  /** Ends the probe with {@code failure}; null when it ended as not applicable. */
  ProbeResult failed(@Nullable ProbeFailure failure) {
    if (sideCheck != null) {
      sideCheck.cancel(true);
    }
    return finish(failure);
  }

  private void joinSideCheck() {
    if (sideCheck == null) {
      return;
    }
    try {
      // The side check is bounded by the same deadline; the grace covers thread scheduling only.
      long waitNanos = deadline.remaining().toNanos() + TimeUnit.MILLISECONDS.toNanos(200);
      sideCheck.get(waitNanos, TimeUnit.NANOSECONDS).ifPresent(this::warn);
    } catch (TimeoutException | ExecutionException e) {
      sideCheck.cancel(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ProbeResult finish(@Nullable ProbeFailure failure) {
    Phase open = recorder.open();
    if (open != null) {
      throw new IllegalStateException(open + " was never closed");
    }
    ProbeResult result = new ProbeResult(target, failure, recorder.timings(), facts);
    safely(() -> context.listener().probeEnded(result));
    return result;
  }

  private static void safely(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      // A broken listener must not change what the probe observed.
    }
  }
}
