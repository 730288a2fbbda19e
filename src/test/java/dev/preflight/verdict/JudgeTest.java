package dev.preflight.verdict;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The verdict rules: what BLOCKED, UNKNOWN, DEGRADED and READY each need. */
@Timeout(10)
class JudgeTest {
  private static final Endpoint ZTD =
      entry("ztd", "ztd.example", Protocol.HTTPS, 443, Impact.BLOCKING);
  private static final Endpoint LOGIN =
      entry("login", "login.example", Protocol.HTTPS, 443, Impact.BLOCKING);
  private static final Endpoint STORE =
      entry("store", "store.example", Protocol.HTTPS, 443, Impact.DEGRADED);

  private static Report judge(EndpointResult... results) {
    return Judge.judge(
        Report.Mode.CHECK,
        "test",
        Entries.catalog(List.of(ZTD, LOGIN, STORE)),
        List.of(Scenario.USER_DRIVEN),
        List.of(results),
        Environment.UNKNOWN,
        List.of(),
        Instant.EPOCH,
        Duration.ZERO);
  }

  private static EndpointResult failed(Endpoint endpoint) {
    return EndpointResult.problem(endpoint, Status.FAIL, Cause.TCP_TIMEOUT, "No answer.");
  }

  @Test
  void aBlockingEndpointThatCouldNotBeJudgedIsUnknownWithExitCodeThree() {
    Report report =
        judge(
            EndpointResult.pass(ZTD, "Fine."),
            EndpointResult.unjudged(LOGIN, "The probe did not finish within the run's bound."),
            EndpointResult.pass(STORE, "Fine."));

    assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(report.verdict().exitCode()).isEqualTo(3);
    assertThat(report.warnings())
        .containsExactly(
            "1 endpoint could not be judged (1 of them blocking, so the verdict is UNKNOWN unless"
                + " another endpoint is BLOCKED): The probe did not finish within the run's"
                + " bound.");
  }

  @Test
  void aBlockedEndpointOutranksOneThatCouldNotBeJudged() {
    Report report = judge(failed(ZTD), EndpointResult.unjudged(LOGIN, "Not routed."));

    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void anOptionalEndpointThatCouldNotBeJudgedIsAtBestDegraded() {
    Report report =
        judge(
            EndpointResult.pass(ZTD, "Fine."),
            EndpointResult.pass(LOGIN, "Fine."),
            EndpointResult.unjudged(STORE, "Not routed."));

    assertThat(report.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(report.warnings()).singleElement().asString().contains("none of them blocking");
  }

  @Test
  void aSkipThatNeededNoJudgingDoesNotCount() {
    Report report =
        judge(
            EndpointResult.pass(ZTD, "Fine."),
            EndpointResult.skip(LOGIN, "Not used on this network."),
            EndpointResult.pass(STORE, "Fine."));

    assertThat(report.verdict()).isEqualTo(Verdict.READY);
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void manyReasonsAreQuotedUpToThreeAndCounted() {
    List<Endpoint> entries =
        List.of(
            entry("a", "a.example", Protocol.HTTPS, 443, Impact.BLOCKING),
            entry("b", "b.example", Protocol.HTTPS, 443, Impact.BLOCKING),
            entry("c", "c.example", Protocol.HTTPS, 443, Impact.BLOCKING),
            entry("d", "d.example", Protocol.HTTPS, 443, Impact.BLOCKING));
    Report report =
        judge(
            EndpointResult.unjudged(entries.get(0), "One."),
            EndpointResult.unjudged(entries.get(1), "Two."),
            EndpointResult.unjudged(entries.get(2), "Three."),
            EndpointResult.unjudged(entries.get(3), "Four."));

    assertThat(report.warnings())
        .singleElement()
        .asString()
        .startsWith("4 endpoints could not be judged (4 of them blocking")
        .endsWith(": One. Two. Three. (and 1 other reason)");
  }

  @Test
  void blockedIsWorseThanUnknownWhichIsWorseThanDegraded() {
    assertThat(Verdict.BLOCKED.worseThan(Verdict.UNKNOWN)).isTrue();
    assertThat(Verdict.UNKNOWN.worseThan(Verdict.DEGRADED)).isTrue();
    assertThat(Verdict.DEGRADED.worseThan(Verdict.READY)).isTrue();
    assertThat(Verdict.UNKNOWN.worseThan(Verdict.BLOCKED)).isFalse();
  }
}
