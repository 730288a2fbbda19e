package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The /probe limits, on a clock the test moves. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeLimiterTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ProbeLimiter limiter = new ProbeLimiter(nanos::get);

  @Test
  void aBurstIsAllowedThenTheRateRefills() {
    for (int i = 0; i < ProbeLimiter.BURST; i++) {
      assertThat(limiter.tryAcquire()).as("probe %d", i).isTrue();
      limiter.release();
    }
    assertThat(limiter.tryAcquire()).isFalse();

    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500)); // 2 a second: one token
    assertThat(limiter.tryAcquire()).isTrue();
    limiter.release();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void noMoreThanFourRunAtOnce() {
    for (int i = 0; i < ProbeLimiter.CONCURRENT; i++) {
      assertThat(limiter.tryAcquire()).isTrue();
    }
    assertThat(limiter.tryAcquire()).isFalse();

    limiter.release();
    assertThat(limiter.tryAcquire()).isTrue();
  }
}
