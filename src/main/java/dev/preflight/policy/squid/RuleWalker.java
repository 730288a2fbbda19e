package dev.preflight.policy.squid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks an access list the way Squid's ACLChecklist does: rules in order, acls of a rule ANDed left
 * to right with short-circuit, the first matching rule decides. An acl that needs credentials ends
 * the walk with a challenge. Because some acls answer UNKNOWN, the walk returns every ending that
 * is possible, in rule order; it is linear in the number of rules.
 */
final class RuleWalker {
  private enum RuleAnswer {
    MATCH,
    NO_MATCH,
    CHALLENGE
  }

  private final Map<String, Acl> acls;
  private final Set<String> unknownAclsSeen;

  RuleWalker(Map<String, Acl> acls, Set<String> unknownAclsSeen) {
    this.acls = acls;
    this.unknownAclsSeen = unknownAclsSeen;
  }

  /** Every possible ending; {@code fallback} is the action when no rule matches. */
  List<Ending> walk(List<AccessRule> rules, SquidRequest request, Ending fallback) {
    List<Ending> endings = new ArrayList<>();
    for (AccessRule rule : rules) {
      Set<RuleAnswer> answers = answers(rule, request);
      if (answers.contains(RuleAnswer.CHALLENGE)) {
        endings.add(new Ending(Ending.CHALLENGE, rule, challenge(rule, request)));
      }
      if (answers.contains(RuleAnswer.MATCH)) {
        String why = why(rule, request);
        if (answers.contains(RuleAnswer.NO_MATCH)) {
          why = "it may match (" + why + ")";
        }
        endings.add(new Ending(rule.action(), rule, why));
      }
      if (!answers.contains(RuleAnswer.NO_MATCH)) {
        return endings;
      }
    }
    endings.add(fallback);
    return endings;
  }

  /**
   * The answers a rule can give. An acl this model cannot answer is recorded for the warnings only
   * when the rule could still match or challenge: behind it, an acl that is certainly false makes
   * the rule fail whatever the unknown one says.
   */
  private Set<RuleAnswer> answers(AccessRule rule, SquidRequest request) {
    Set<RuleAnswer> answers = EnumSet.noneOf(RuleAnswer.class);
    List<String> unknown = new ArrayList<>();
    for (AclRef ref : rule.acls()) {
      Acl acl = acls.get(ref.name());
      Tri answer = ref.negated() ? acl.match(request).negate() : acl.match(request);
      switch (answer) {
        case FALSE -> {
          answers.add(RuleAnswer.NO_MATCH);
          return answers;
        }
        case AUTH -> {
          answers.add(RuleAnswer.CHALLENGE);
          unknownAclsSeen.addAll(unknown);
          return answers;
        }
        case UNKNOWN -> {
          answers.add(RuleAnswer.NO_MATCH);
          unknown.add(ref.name());
        }
        case TRUE -> {}
      }
    }
    answers.add(RuleAnswer.MATCH);
    unknownAclsSeen.addAll(unknown);
    return answers;
  }

  private String challenge(AccessRule rule, SquidRequest request) {
    for (AclRef ref : rule.acls()) {
      Acl acl = acls.get(ref.name());
      if (acl.match(request) == Tri.AUTH) {
        return "acl " + ref.name() + " (" + acl.type() + ") needs proxy credentials";
      }
    }
    return "an acl needs proxy credentials";
  }

  private String why(AccessRule rule, SquidRequest request) {
    List<String> parts = new ArrayList<>();
    for (AclRef ref : rule.acls()) {
      String value = ref.negated() ? "" : acls.get(ref.name()).matchedValue(request);
      parts.add(value.isEmpty() ? ref.toString() : ref + " [" + value + "]");
    }
    return "matched " + String.join(" ", parts);
  }
}
