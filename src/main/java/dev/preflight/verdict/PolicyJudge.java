package dev.preflight.verdict;

import dev.preflight.catalog.Endpoint;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.RuleRef;
import dev.preflight.probe.Cause;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns the offline decisions for one endpoint (one per configuration given) into its endpoint
 * result. Pure. The worst outcome wins and supplies the evidence; the detail names every failing
 * configuration's reason. ALLOWED is PASS; PARTIAL and UNDETERMINED are WARN; DENIED, NOT_LISTED,
 * AUTH_REQUIRED and INSPECTED are FAIL with the matching POLICY_* cause. The route comes from the
 * decision that routes (a PAC file).
 */
public final class PolicyJudge {
  private PolicyJudge() {}

  /** The result for {@code endpoint}; SKIP when no configuration governs it. */
  public static EndpointResult judge(Endpoint endpoint, List<PolicyDecision> decisions) {
    if (decisions.isEmpty()) {
      return EndpointResult.skip(
          endpoint,
          "None of the given configurations decides " + endpoint.protocol() + " traffic.");
    }
    PolicyDecision worst =
        decisions.stream().max(Comparator.comparingInt(d -> rank(d.outcome()))).orElseThrow();
    String route =
        decisions.stream()
            .map(PolicyDecision::route)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    EndpointResult result =
        worst.outcome() == Outcome.ALLOWED
            ? EndpointResult.pass(endpoint, detail(decisions, worst))
            : EndpointResult.problem(
                endpoint,
                status(worst.outcome()),
                cause(worst.outcome()),
                detail(decisions, worst));
    return result.withRoute(route).withEvidence(evidence(worst.evidence()));
  }

  /** Outcomes from best to worst; the worst of several configurations decides. */
  static int rank(Outcome outcome) {
    return switch (outcome) {
      case ALLOWED -> 0;
      case PARTIAL -> 1;
      case UNDETERMINED -> 2;
      case INSPECTED -> 3;
      case NOT_LISTED -> 4;
      case AUTH_REQUIRED -> 5;
      case DENIED -> 6;
    };
  }

  private static Status status(Outcome outcome) {
    // A rule set that lets only part of the entry through, or one the tool cannot model, may or may
    // not stop the device: a WARN, which degrades rather than claiming READY or BLOCKED. Denied,
    // not listed, needing credentials (a device in OOBE has none) and inspected (a device in OOBE
    // does not trust the inspecting CA yet, so its TLS fails) all stop the device: FAIL, weighed
    // by the entry's impact (Consequences).
    return outcome == Outcome.PARTIAL || outcome == Outcome.UNDETERMINED
        ? Status.WARN
        : Status.FAIL;
  }

  private static Cause cause(Outcome outcome) {
    return switch (outcome) {
      case PARTIAL, NOT_LISTED -> Cause.POLICY_NOT_LISTED;
      case AUTH_REQUIRED -> Cause.POLICY_AUTH_REQUIRED;
      case INSPECTED -> Cause.POLICY_INSPECTED;
      case DENIED, UNDETERMINED, ALLOWED -> Cause.POLICY_DENIED;
    };
  }

  private static String detail(List<PolicyDecision> decisions, PolicyDecision worst) {
    List<PolicyDecision> shown =
        worst.outcome() == Outcome.ALLOWED
            ? decisions
            : decisions.stream().filter(d -> d.outcome() != Outcome.ALLOWED).toList();
    String text =
        shown.stream()
            .sorted(Comparator.comparingInt((PolicyDecision d) -> rank(d.outcome())).reversed())
            .map(PolicyJudge::reason)
            .distinct()
            .collect(Collectors.joining(" "));
    return text;
  }

  private static String reason(PolicyDecision decision) {
    return decision.dependsOnDns()
        ? decision.reason() + " (This answer depends on DNS.)"
        : decision.reason();
  }

  private static @Nullable Evidence evidence(@Nullable RuleRef ref) {
    return ref == null ? null : new Evidence(ref.file(), ref.line(), ref.rule());
  }
}
