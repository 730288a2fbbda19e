package dev.preflight.verdict;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each consequence rule, and the verdict as the worst consequence and warning. */
@Timeout(30)
class ConsequencesTest {
  private static final Endpoint BLOCKING =
      entry("ztd", "ztd.dds.microsoft.com", Protocol.HTTPS, 443, Impact.BLOCKING);
  private static final Endpoint OPTIONAL =
      entry("wu", "update.microsoft.com", Protocol.HTTPS, 443, Impact.DEGRADED);
  private static final Endpoint NCSI_V6 =
      entry("ncsi6", "ipv6.msftconnecttest.com", Protocol.HTTP, 80, Impact.DEGRADED);

  private static EndpointResult result(Endpoint endpoint, Status status, Cause cause) {
    return EndpointResult.problem(endpoint, status, cause, "Observed.");
  }

  @Test
  void failureOfABlockingEntryBlocks() {
    assertThat(Consequences.of(result(BLOCKING, Status.FAIL, Cause.TCP_TIMEOUT)))
        .isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void failureOfAnEntryAutopilotContinuesWithoutDegrades() {
    assertThat(Consequences.of(result(OPTIONAL, Status.FAIL, Cause.TCP_TIMEOUT)))
        .isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void clockSkewBlocksWhateverTheEntrysImpact() {
    assertThat(Consequences.of(result(OPTIONAL, Status.FAIL, Cause.CLOCK_SKEW)))
        .isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void aWarningDegradesEvenOnABlockingEntry() {
    assertThat(Consequences.of(result(BLOCKING, Status.WARN, Cause.TCP_TIMEOUT)))
        .isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void anIpv6OnlyNameBehindAProxyWithoutIpv6CountsForNothing() {
    EndpointResult warned = result(NCSI_V6, Status.WARN, Cause.PROXY_UPSTREAM_FAILED);
    assertThat(Consequences.of(warned)).isEqualTo(Verdict.READY);
    assertThat(Judge.verdictOf(List.of(warned), List.of())).isEqualTo(Verdict.READY);
  }

  @Test
  void passesAndSkipsCountForNothingButAWarningDegrades() {
    List<EndpointResult> fine =
        List.of(EndpointResult.pass(BLOCKING, "Ok."), EndpointResult.skip(OPTIONAL, "Not used."));
    assertThat(Judge.verdictOf(fine, List.of())).isEqualTo(Verdict.READY);
    assertThat(Judge.verdictOf(fine, List.of("Something was not judged.")))
        .isEqualTo(Verdict.DEGRADED);
  }

  @Test
  void theWorstConsequenceDecides() {
    List<EndpointResult> mixed =
        List.of(
            result(OPTIONAL, Status.FAIL, Cause.TCP_TIMEOUT),
            result(BLOCKING, Status.FAIL, Cause.HTTP_BLOCKED),
            result(NCSI_V6, Status.WARN, Cause.PROXY_UPSTREAM_FAILED));
    assertThat(Judge.verdictOf(mixed, List.of())).isEqualTo(Verdict.BLOCKED);
  }
}
