package dev.preflight.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How many probes a run keeps in flight: half the descriptor limit, capped, and --parallelism. */
@Timeout(10)
class ConcurrencyTest {
  @Test
  void probesInFlightUseAtMostHalfTheDescriptorLimit() {
    assertThat(Concurrency.inFlight(0, 20_000)).isEqualTo((10_000 - 64) / 4);
    assertThat(Concurrency.inFlight(0, 1_024)).isEqualTo((512 - 64) / 4);
  }

  @Test
  void parallelismIsAnUpperBoundAndSoIsTheCap() {
    assertThat(Concurrency.inFlight(64, 20_000)).isEqualTo(64);
    assertThat(Concurrency.inFlight(100_000, 20_000)).isEqualTo(2_484);
    assertThat(Concurrency.inFlight(0, 1_000_000)).isEqualTo(Concurrency.MAX_IN_FLIGHT);
  }

  @Test
  void aTinyLimitStillLetsOneProbeRun() {
    assertThat(Concurrency.inFlight(0, 16)).isEqualTo(1);
  }
}
