package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import dev.preflight.probe.CpuSlots;
import dev.preflight.probe.Fact;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runner's scheduling: probes in flight up to the limit, deadlines that start when a probe
 * runs, abandonment only past a probe's own deadline, and confirmed timeouts. The probes here only
 * wait; {@code CheckCommandIT} shows the same against real loopback servers.
 */
@Timeout(30)
class ProbeRunnerTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private static List<ProbeTarget> targets(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new ProbeTarget(
                    entry("e" + i, "h" + i + ".example", Protocol.HTTPS, 443, Impact.BLOCKING),
                    Route.DIRECT))
        .toList();
  }

  private static ProbeRunner runner(ProbeRunner.Executor executor, int inFlight) {
    return runner(executor, inFlight, ProgressListener.NONE);
  }

  private static ProbeRunner runner(
      ProbeRunner.Executor executor, int inFlight, ProgressListener listener) {
    return new ProbeRunner(
        executor, TIMEOUT, new Concurrency(inFlight, new CpuSlots(2)), Clock.systemUTC(), listener);
  }

  private static ProbeResult pass(ProbeTarget target) {
    return new ProbeResult(target, null, Map.of(), Map.of(Fact.DETAIL, "HTTP 200 from host"));
  }

  private static ProbeResult timedOut(ProbeTarget target) {
    ProbeFailure failure =
        ProbeFailure.fail(Cause.TCP_TIMEOUT, Phase.CONNECT, "no answer in 0.5 s (dropped)");
    return new ProbeResult(target, failure, Map.of(), Map.of());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void everyProbeRunsAtOnceWhenTheLimitAllows() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    ProbeRunner.Executor sleeping =
        (target, deadline, cpu) -> {
          peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          sleep(Duration.ofMillis(300));
          inFlight.decrementAndGet();
          return pass(target);
        };
    List<ProbeOutcome> outcomes = runner(sleeping, 100).run(targets(20));
    assertThat(peak.get()).isEqualTo(20);
    assertThat(outcomes).allMatch(o -> o.result() != null && o.result().passed());
    assertThat(outcomes).extracting(o -> o.target().endpoint().id()).startsWith("e0", "e1", "e2");
  }

  @Test
  void theInFlightLimitCapsProbesAndEachDeadlineStartsWhenItsProbeRuns() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    // Ten probes of 200 ms, three at a time, take about 800 ms: more than the 500 ms deadline, so
    // a deadline started at queueing would have expired for the last ones.
    ProbeRunner.Executor sleeping =
        (target, deadline, cpu) -> {
          peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          sleep(Duration.ofMillis(200));
          inFlight.decrementAndGet();
          return deadline.expired() ? timedOut(target) : pass(target);
        };
    List<ProbeOutcome> outcomes = runner(sleeping, 3).run(targets(10));
    assertThat(peak.get()).isEqualTo(3);
    assertThat(outcomes).hasSize(10).allMatch(o -> o.result() != null && o.result().passed());
  }

  @Test
  void aProbeWithinItsOwnDeadlineIsNeverCutOffHoweverLongItsLocalWaits() {
    ProbeRunner.Executor queuedForCpu =
        (target, deadline, cpu) -> {
          var queued = deadline.localWait();
          sleep(TIMEOUT.multipliedBy(5));
          queued.close();
          return deadline.expired() ? timedOut(target) : pass(target);
        };
    List<ProbeOutcome> outcomes = runner(queuedForCpu, 10).run(targets(2));
    assertThat(outcomes).allMatch(o -> o.result() != null && o.result().passed());
  }

  @Test
  void aProbeThatOverrunsItsDeadlineIsAbandonedWithoutHoldingUpTheOthers() {
    CountDownLatch release = new CountDownLatch(1);
    ProbeRunner.Executor oneHangs =
        (target, deadline, cpu) -> {
          while (target.endpoint().id().equals("e1") && release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException e) {
              // Ignores interruption on purpose: the runner must not wait for it.
            }
          }
          return pass(target);
        };
    try {
      List<ProbeOutcome> outcomes = runner(oneHangs, 10).run(targets(3));
      assertThat(outcomes.get(0).result()).isNotNull();
      assertThat(outcomes.get(1).abandoned())
          .contains("did not return within 1000 ms after its own deadline of 500 ms");
      assertThat(outcomes.get(2).result()).isNotNull();
    } finally {
      release.countDown();
    }
  }

  @Test
  void aProbeThatThrowsIsAbandonedWithItsError() {
    ProbeRunner.Executor throwing =
        (target, deadline, cpu) -> {
          throw new IllegalStateException("bug in probe");
        };
    List<String> heard = new CopyOnWriteArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void abandoned(ProbeTarget target, String reason, Throwable error) {
            heard.add(error.getMessage());
          }
        };
    List<ProbeOutcome> outcomes = runner(throwing, 10, listener).run(targets(1));
    assertThat(outcomes.get(0).abandoned()).contains("bug in probe");
    assertThat(heard).containsExactly("bug in probe");
  }

  @Test
  void aTimeoutIsConfirmedByASecondAttemptThatNamesBoth() {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    ProbeRunner.Executor executor =
        (target, deadline, cpu) -> {
          String id = target.endpoint().id();
          int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          return switch (id) {
            case "e0" -> timedOut(target); // a real drop: times out twice
            case "e1" -> attempt == 1 ? timedOut(target) : pass(target); // this machine's doing
            default -> pass(target);
          };
        };
    List<ProbeOutcome> outcomes = runner(executor, 10).run(targets(3));

    ProbeFailure dropped = outcomes.get(0).result().failure();
    assertThat(dropped.cause()).isEqualTo(Cause.TCP_TIMEOUT);
    assertThat(dropped.message()).isEqualTo("no answer in 0.5 s (dropped), twice");
    ProbeResult recovered = outcomes.get(1).result();
    assertThat(recovered.passed()).isTrue();
    assertThat(recovered.fact(Fact.DETAIL))
        .contains("HTTP 200 from host (a first attempt failed: no answer in 0.5 s (dropped))");
    assertThat(attempts.get("e2")).hasValue(1);
  }

  @Test
  void manyTimeoutsAtOnceAreConfirmedWithOneCpuSlot() {
    Map<String, Integer> cpuSlotsSeen = new ConcurrentHashMap<>();
    ProbeRunner.Executor executor =
        (target, deadline, cpu) -> {
          cpuSlotsSeen.merge(target.endpoint().id(), cpu.limit(), (first, second) -> second);
          return timedOut(target);
        };
    List<ProbeOutcome> outcomes = runner(executor, 100).run(targets(20));
    assertThat(outcomes).allMatch(o -> o.result().failure().message().endsWith(", twice"));
    assertThat(cpuSlotsSeen.values()).containsOnly(1);
  }
}
