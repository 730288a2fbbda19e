package dev.preflight.policy.squid;

import dev.preflight.catalog.Endpoint;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.squid.SquidEvaluator.Possible;
import java.util.List;
import java.util.stream.Collectors;

/** Turns the possible outcomes of a walk into one decision. */
final class Collapse {
  private Collapse() {}

  /**
   * One outcome when all possible endings agree (told by the ending reached whatever unknown acls
   * answer); UNDETERMINED when some let the request pass and some do not; otherwise the first
   * failing ending in rule order.
   */
  static PolicyDecision decide(Endpoint endpoint, List<Possible> possible) {
    Possible first = possible.get(0);
    boolean agree = possible.stream().allMatch(p -> p.outcome() == first.outcome());
    boolean somePass = possible.stream().anyMatch(p -> p.outcome() == Outcome.ALLOWED);
    if (agree) {
      // The last ending is the one reached whatever the unknown acls answer.
      Possible certain = possible.get(possible.size() - 1);
      return of(endpoint, certain.outcome(), certain.reason(), certain);
    }
    if (!somePass) {
      return of(endpoint, first.outcome(), first.reason(), first);
    }
    String alternatives =
        possible.stream()
            .map(p -> p.outcome() + " (" + p.reason().replaceAll("\\.$", "") + ")")
            .distinct()
            .collect(Collectors.joining(" or "));
    return of(
        endpoint,
        Outcome.UNDETERMINED,
        "The answer depends on acls preflight cannot evaluate: " + alternatives + ".",
        first);
  }

  /** The stand-in is allowed but another name under the wildcard is not. */
  static PolicyDecision partial(
      PolicyDecision allowed, String wildcard, String other, Possible otherOutcome) {
    String reason =
        "Allows "
            + allowed.endpoint().host()
            + " but not all of "
            + wildcard
            + ": "
            + other
            + " would be "
            + otherOutcome.outcome()
            + " ("
            + otherOutcome.reason().replaceAll("\\.$", "")
            + ").";
    return new PolicyDecision(
        allowed.endpoint(), Outcome.PARTIAL, null, List.of(), reason, allowed.evidence(), false);
  }

  private static PolicyDecision of(
      Endpoint endpoint, Outcome outcome, String reason, Possible evidence) {
    return new PolicyDecision(
        endpoint, outcome, null, List.of(), sentence(reason), evidence.evidence(), false);
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    String capital = Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    return capital.endsWith(".") ? capital : capital + ".";
  }
}
