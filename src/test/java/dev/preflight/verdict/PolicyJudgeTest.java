package dev.preflight.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.RuleRef;
import dev.preflight.policy.TestEndpoints;
import dev.preflight.probe.Cause;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class PolicyJudgeTest {
  private static final Endpoint ZTD = TestEndpoints.https("ztd.dds.microsoft.com");

  private static PolicyDecision decision(Outcome outcome, String reason, int line) {
    return new PolicyDecision(
        ZTD,
        outcome,
        null,
        List.of(),
        reason,
        new RuleRef("squid.conf", line, "rule " + line),
        false);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ALLOWED, PASS, ",
    "PARTIAL, WARN, POLICY_NOT_LISTED",
    "UNDETERMINED, WARN, POLICY_DENIED",
    "INSPECTED, FAIL, POLICY_INSPECTED",
    "NOT_LISTED, FAIL, POLICY_NOT_LISTED",
    "AUTH_REQUIRED, FAIL, POLICY_AUTH_REQUIRED",
    "DENIED, FAIL, POLICY_DENIED",
  })
  void outcomeMapsToStatusAndCause(Outcome outcome, Status status, Cause cause) {
    EndpointResult result = PolicyJudge.judge(ZTD, List.of(decision(outcome, "Why.", 7)));
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.cause()).isEqualTo(cause);
    assertThat(result.evidence()).isEqualTo(new Evidence("squid.conf", 7, "rule 7"));
    assertThat(result.detail()).isEqualTo("Why.");
  }

  @Test
  void worstOutcomeWinsAndEveryFailingReasonIsShown() {
    EndpointResult result =
        PolicyJudge.judge(
            ZTD,
            List.of(
                decision(Outcome.ALLOWED, "Allowed by the PAC file.", 1),
                decision(Outcome.NOT_LISTED, "Not in the allowlist.", 2),
                decision(Outcome.DENIED, "Denied by squid.", 3)));
    assertThat(result.cause()).isEqualTo(Cause.POLICY_DENIED);
    assertThat(result.evidence().line()).isEqualTo(3);
    assertThat(result.detail()).isEqualTo("Denied by squid. Not in the allowlist.");
  }

  @Test
  void routeComesFromTheDecisionThatRoutes() {
    PolicyDecision pac =
        new PolicyDecision(
            ZTD,
            Outcome.ALLOWED,
            "PROXY 198.18.0.1:3128",
            List.of("PROXY 198.18.0.1:3128"),
            "Proxied.",
            null,
            true);
    EndpointResult result =
        PolicyJudge.judge(ZTD, List.of(decision(Outcome.ALLOWED, "Allowed.", 1), pac));
    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.route()).isEqualTo("PROXY 198.18.0.1:3128");
    assertThat(result.detail()).contains("Proxied. (This answer depends on DNS.)");
  }

  @Test
  void noGoverningConfigurationIsSkipped() {
    EndpointResult result = PolicyJudge.judge(ZTD, List.of());
    assertThat(result.status()).isEqualTo(Status.SKIP);
    assertThat(result.cause()).isNull();
  }
}
