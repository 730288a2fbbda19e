package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The runner's scheduling: all at once, capped by parallelism, bounded overall. The probes here
 * only wait; {@code CheckCommandIT} shows the same against real loopback servers.
 */
class ProbeRunnerTest {
  private static List<ProbeTarget> targets(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new ProbeTarget(
                    entry("e" + i, "h" + i + ".example", Protocol.HTTPS, 443, Impact.BLOCKING),
                    Route.DIRECT))
        .toList();
  }

  private static ProbeRunner.Executor sleeping(
      Duration d, AtomicInteger inFlight, AtomicInteger peak) {
    return target -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      return new ProbeResult(target, null, Map.of(), Map.of());
    };
  }

  @Test
  void everyProbeRunsAtOnce() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    ProbeRunner runner =
        new ProbeRunner(
            sleeping(Duration.ofMillis(300), inFlight, peak),
            0,
            Clock.systemUTC(),
            ProgressListener.NONE);
    List<ProbeOutcome> outcomes = runner.run(targets(20), Duration.ofSeconds(10));
    assertThat(peak.get()).isEqualTo(20);
    assertThat(outcomes).allMatch(o -> o.result() != null && o.result().passed());
    assertThat(outcomes).extracting(o -> o.target().endpoint().id()).startsWith("e0", "e1", "e2");
  }

  @Test
  void parallelismCapsProbesInFlight() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    ProbeRunner runner =
        new ProbeRunner(
            sleeping(Duration.ofMillis(100), inFlight, peak),
            3,
            Clock.systemUTC(),
            ProgressListener.NONE);
    List<ProbeOutcome> outcomes = runner.run(targets(10), Duration.ofSeconds(10));
    assertThat(peak.get()).isEqualTo(3);
    assertThat(outcomes).hasSize(10).allMatch(o -> o.result() != null);
  }

  @Test
  void aProbeBeyondTheBoundIsAbandonedWithoutHoldingUpTheOthers() {
    CountDownLatch release = new CountDownLatch(1);
    ProbeRunner.Executor oneHangs =
        target -> {
          while (target.endpoint().id().equals("e1") && release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException e) {
              // Ignores interruption on purpose: the runner must not wait for it.
            }
          }
          return new ProbeResult(target, null, Map.of(), Map.of());
        };
    ProbeRunner runner = new ProbeRunner(oneHangs, 0, Clock.systemUTC(), ProgressListener.NONE);
    try {
      long start = System.nanoTime();
      List<ProbeOutcome> outcomes = runner.run(targets(3), Duration.ofMillis(300));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(outcomes.get(0).result()).isNotNull();
      assertThat(outcomes.get(1).abandoned()).contains("did not finish within the run's bound");
      assertThat(outcomes.get(2).result()).isNotNull();
    } finally {
      release.countDown();
    }
  }

  @Test
  void aProbeThatThrowsIsAbandonedWithItsError() {
    ProbeRunner.Executor throwing =
        target -> {
          throw new IllegalStateException("bug in probe");
        };
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void abandoned(ProbeTarget target, String reason, Throwable error) {
            heard.add(error.getMessage());
          }
        };
    List<ProbeOutcome> outcomes =
        new ProbeRunner(throwing, 0, Clock.systemUTC(), listener)
            .run(targets(1), Duration.ofSeconds(5));
    // The reason reaches the report: words, no class name; the error itself goes to --debug.
    assertThat(outcomes.get(0).abandoned())
        .isEqualTo("The https probe failed unexpectedly (an internal error; --debug shows it).");
    assertThat(heard).containsExactly("bug in probe");
  }
}
