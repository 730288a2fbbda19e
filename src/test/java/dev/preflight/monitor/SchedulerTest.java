package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs never overlap: a start that finds a run still going is skipped and counted. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SchedulerTest {
  @Test
  void aRunStillGoingMakesTheNextStartsSkip() throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch threeSkipped = new CountDownLatch(3);
    Runnable run =
        () -> {
          started.incrementAndGet();
          mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            concurrent.decrementAndGet();
          }
        };
    Scheduler scheduler =
        new Scheduler(
            Duration.ofMillis(20),
            run,
            () -> {
              skipped.incrementAndGet();
              threeSkipped.countDown();
            },
            RandomGenerator.getDefault());
    scheduler.start();

    assertThat(threeSkipped.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(started.get()).isEqualTo(1);
    release.countDown();
    scheduler.close(Duration.ofSeconds(5));

    assertThat(mostAtOnce.get()).isEqualTo(1);
    assertThat(skipped.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void closingAbandonsARunThatDoesNotFinishInTheGracePeriod() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Scheduler scheduler =
        new Scheduler(
            Duration.ofHours(1),
            () -> {
              running.countDown();
              try {
                Thread.sleep(Duration.ofMinutes(10));
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
            },
            () -> {},
            RandomGenerator.getDefault());
    scheduler.start();
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    scheduler.close(Duration.ofMillis(100));

    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @RepeatedTest(20)
  void eachWaitIsWithinATenthOfTheInterval() {
    Scheduler scheduler =
        new Scheduler(Duration.ofMinutes(5), () -> {}, () -> {}, RandomGenerator.getDefault());

    Duration delay = scheduler.nextDelay();

    assertThat(delay).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
    scheduler.close();
  }
}
