package dev.preflight.probe;

import static dev.preflight.probe.TcpProbeTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.testing.NtpTestServer;
import dev.preflight.testing.NtpTestServer.Mode;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NtpProbeTest {
  private static ProbeResult probe(NtpTestServer server) {
    return probe(server, Duration.ofSeconds(3));
  }

  private static ProbeResult probe(NtpTestServer server, Duration timeout) {
    ProbeContext context = ProbeContext.system(timeout, List.of(), null);
    return Probes.forProtocol(Protocol.NTP)
        .run(
            new ProbeTarget(
                TestEndpoints.of("127.0.0.1", Protocol.NTP, server.port()), Route.DIRECT),
            context);
  }

  @Test
  void synchronisedServerPassesWithOffsetAndRoundTrip() {
    try (NtpTestServer server = new NtpTestServer(Mode.NORMAL, Duration.ofSeconds(2))) {
      ProbeResult result = probe(server);
      assertThat(result.failure()).isNull();
      long offset = Long.parseLong(result.fact(Fact.NTP_OFFSET_MS).orElseThrow());
      assertThat(offset).isBetween(1_900L, 2_100L);
      assertThat(result.fact(Fact.NTP_ROUND_TRIP_MS)).isPresent();
      assertThat(result.timings()).containsKey(Phase.NTP_EXCHANGE).doesNotContainKey(Phase.RESOLVE);
    }
  }

  @Test
  void aFarOffsetIsRecordedNotJudged() {
    // The clock judge decides CLOCK_SKEW with all of the run's evidence; the probe only measures.
    try (NtpTestServer server = new NtpTestServer(Mode.NORMAL, Duration.ofMinutes(-7))) {
      ProbeResult result = probe(server);
      assertThat(result.failure()).isNull();
      assertThat(result.fact(Fact.NTP_OFFSET_MS).map(Long::parseLong).orElseThrow())
          .isBetween(-421_000L, -419_000L);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"KISS_OF_DEATH", "UNSYNCHRONISED", "GARBAGE", "WRONG_ORIGIN"})
  void badRepliesAreNtpBadResponse(Mode mode) {
    try (NtpTestServer server = new NtpTestServer(mode)) {
      assertFailure(probe(server), Cause.NTP_BAD_RESPONSE, Phase.NTP_EXCHANGE);
    }
  }

  @Test
  void silentServerIsNtpTimeout() {
    try (NtpTestServer server = new NtpTestServer(Mode.SILENT)) {
      ProbeResult result = probe(server, Duration.ofMillis(700));
      assertFailure(result, Cause.NTP_TIMEOUT, Phase.NTP_EXCHANGE);
      assertThat(result.total()).isLessThan(Duration.ofSeconds(2));
    }
  }
}
