package dev.preflight.policy.squid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evaluates the ssl_bump rules for a CONNECT request step by step, as Squid documents them: at each
 * step the rules whose action is possible at that step are walked in order, and the first match
 * wins; without a match Squid splices. {@code peek} and {@code stare} at steps 1 and 2 lead to the
 * next step. At step 3, bumping after a peek is impossible and Squid splices, while splicing after
 * a stare is impossible and Squid bumps; without a match after a stare it bumps.
 *
 * <p>The result is every possible final action ({@code splice}, {@code bump} or {@code terminate},
 * or a credential challenge), each with the rule that chose it.
 */
final class SslBumpSteps {
  private static final Set<String> STEP1 =
      Set.of(
          "splice", "bump", "peek", "stare", "terminate", "client-first", "server-first", "none");
  private static final Set<String> STEP2 = Set.of("splice", "bump", "peek", "stare", "terminate");
  private static final Set<String> STEP3 = Set.of("splice", "bump", "terminate");

  private final List<AccessRule> rules;
  private final RuleWalker walker;

  SslBumpSteps(List<AccessRule> rules, RuleWalker walker) {
    this.rules = rules;
    this.walker = walker;
  }

  boolean active() {
    return !rules.isEmpty();
  }

  List<Ending> finalActions(SquidRequest request) {
    return step(1, request, "");
  }

  private List<Ending> step(int step, SquidRequest request, String previous) {
    Set<String> possible = step == 1 ? STEP1 : step == 2 ? STEP2 : STEP3;
    List<AccessRule> usable = rules.stream().filter(r -> possible.contains(r.action())).toList();
    String fallback = step == 3 && previous.equals("stare") ? "bump" : "splice";
    Ending none = new Ending(fallback, null, "no ssl_bump rule matched at step " + step);
    List<Ending> finals = new ArrayList<>();
    for (Ending ending : walker.walk(usable, request.atStep(step), none)) {
      String action = normalise(ending.action());
      if ((action.equals("peek") || action.equals("stare")) && step < 3) {
        finals.addAll(step(step + 1, request, action));
      } else {
        finals.add(new Ending(adjust(step, previous, action), ending.rule(), ending.why()));
      }
    }
    return finals;
  }

  private static String normalise(String action) {
    return switch (action) {
      case "client-first", "server-first" -> "bump";
      case "none" -> "splice";
      default -> action;
    };
  }

  private static String adjust(int step, String previous, String action) {
    if (step == 3 && previous.equals("peek") && action.equals("bump")) {
      return "splice";
    }
    if (step == 3 && previous.equals("stare") && action.equals("splice")) {
      return "bump";
    }
    return action;
  }
}
