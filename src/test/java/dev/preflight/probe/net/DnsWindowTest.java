package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The window of DNS questions on the wire grows only while answers take no longer than the fastest
 * one, shrinks when they show a queue at the resolver, halves at a loss, and stays between its
 * floor and its ceiling.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DnsWindowTest {
  private static final long ROUND_TRIP = Duration.ofMillis(200).toNanos();

  @Test
  void answersThatWaitedOnlyForTheRoundTripGrowTheWindowUpToItsCeiling() throws Exception {
    DnsWindow window = new DnsWindow(4, 8);
    for (int i = 0; i < 6; i++) {
      assertThat(window.tryAcquire(0)).isTrue();
      window.answered(ROUND_TRIP);
    }
    assertThat(window.size()).isEqualTo(8);
  }

  @Test
  void aResolverNearbyThatQueuesKeepsTheWindowAtItsFloor() throws Exception {
    DnsWindow window = new DnsWindow(4, 8);
    // The fastest answer came in 0.1 ms; the next ones waited 2 ms, in the resolver's queue.
    answer(window, Duration.ofNanos(100_000).toNanos());
    for (int i = 0; i < 10; i++) {
      answer(window, Duration.ofMillis(2).toNanos());
    }
    assertThat(window.size()).isEqualTo(4);
  }

  @Test
  void aForwarderNearbyWhoseAnswersAllWaitForItsUpstreamKeepsTheWindowAtItsFloor()
      throws Exception {
    DnsWindow window = new DnsWindow(4, 8);
    // Every answer took 30 ms: no queue shows, but the resolver holds each question meanwhile.
    for (int i = 0; i < 10; i++) {
      answer(window, Duration.ofMillis(30).toNanos());
    }
    assertThat(window.size()).isEqualTo(4);
  }

  @Test
  void answersShowingAQueueLargerThanTheFloorShrinkTheWindowOneByOne() throws Exception {
    DnsWindow window = grownTo8();
    answer(window, 2 * ROUND_TRIP); // half of 8 queued: 4, not more than the floor
    assertThat(window.size()).isEqualTo(8);
    answer(window, 4 * ROUND_TRIP); // three quarters: 6 > 4
    assertThat(window.size()).isEqualTo(7);
    for (int i = 0; i < 10; i++) {
      answer(window, 10 * ROUND_TRIP);
    }
    assertThat(window.size()).isEqualTo(4);
  }

  @Test
  void anUnansweredQuestionHalvesTheWindowButNotBelowItsFloor() throws Exception {
    DnsWindow window = grownTo8();
    assertThat(window.tryAcquire(0)).isTrue();
    window.unanswered();
    assertThat(window.size()).isEqualTo(4);
    assertThat(window.tryAcquire(0)).isTrue();
    window.unanswered();
    assertThat(window.size()).isEqualTo(4);
  }

  @Test
  void aFullWindowKeepsTheNextQuestionWaitingUntilAPlaceIsGivenBack() throws Exception {
    DnsWindow window = new DnsWindow(1, 1);
    assertThat(window.tryAcquire(0)).isTrue();
    assertThat(window.tryAcquire(Duration.ofMillis(50).toNanos())).isFalse();

    CompletableFuture<Boolean> waiting = waitForAPlace(window);
    Thread.sleep(50);
    assertThat(waiting).isNotDone();
    window.answered(ROUND_TRIP);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aWindowThatGrowsLetsInAsManyWaitingQuestionsAsItHasPlaces() throws Exception {
    DnsWindow window = new DnsWindow(2, 4);
    assertThat(window.tryAcquire(0)).isTrue();
    assertThat(window.tryAcquire(0)).isTrue();
    CompletableFuture<Boolean> first = waitForAPlace(window);
    CompletableFuture<Boolean> second = waitForAPlace(window);
    Thread.sleep(50);

    window.answered(ROUND_TRIP); // one place back and one more: two free
    assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(window.size()).isEqualTo(3);
  }

  @Test
  void aWindowNeedsAFloorOfOneAndACeilingAboveIt() {
    assertThatThrownBy(() -> new DnsWindow(0, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DnsWindow(4, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  private static DnsWindow grownTo8() throws InterruptedException {
    DnsWindow window = new DnsWindow(4, 8);
    for (int i = 0; i < 4; i++) {
      answer(window, ROUND_TRIP);
    }
    assertThat(window.size()).isEqualTo(8);
    return window;
  }

  private static void answer(DnsWindow window, long elapsedNanos) throws InterruptedException {
    assertThat(window.tryAcquire(0)).isTrue();
    window.answered(elapsedNanos);
  }

  private static CompletableFuture<Boolean> waitForAPlace(DnsWindow window) {
    CompletableFuture<Boolean> placed = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                placed.complete(window.tryAcquire(Duration.ofSeconds(10).toNanos()));
              } catch (InterruptedException e) {
                placed.completeExceptionally(e);
              }
            });
    return placed;
  }
}
