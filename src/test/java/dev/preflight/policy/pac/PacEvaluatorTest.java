package dev.preflight.policy.pac;

import static dev.preflight.policy.pac.TestEndpoints.https;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.RuleRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PacEvaluatorTest {
  private static final Path PAC = Path.of("src/test/resources/pac/evaluator.pac");
  private static final String FILE = PAC.toString();

  private static PacEvaluator evaluator(PacEnvironment environment) {
    return PacEvaluator.load(PacScript.fromFile(PAC), environment);
  }

  private static PolicyDecision decide(PacEvaluator evaluator, String host) {
    return evaluator.evaluate(List.of(https(host))).get(0);
  }

  @Test
  void unresolvableOfflineNameTakesTheProxyChain() {
    PolicyDecision decision = decide(evaluator(PacEnvironment.defaults()), "ztd.dds.microsoft.com");

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.route()).isEqualTo("PROXY proxy.corp.example:3128");
    assertThat(decision.fallbacks()).containsExactly("PROXY proxy.corp.example:3128", "DIRECT");
    assertThat(decision.dependsOnDns()).isTrue();
    assertThat(decision.evidence())
        .isEqualTo(new RuleRef(FILE, 25, "return \"PROXY proxy.corp.example:3128; DIRECT\";"));
  }

  @Test
  void blackHoleProxyIsDeniedWithItsReturnLine() {
    PolicyDecision decision = decide(evaluator(PacEnvironment.defaults()), "a.blocked.example");

    assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(decision.route()).isNull();
    assertThat(decision.fallbacks()).containsExactly("PROXY 127.0.0.1:9");
    assertThat(decision.reason()).contains("every route is a black hole");
    assertThat(decision.evidence())
        .isEqualTo(new RuleRef(FILE, 4, "return \"PROXY 127.0.0.1:9\";"));
    assertThat(decision.dependsOnDns()).isFalse();
  }

  @Test
  void nullAnswerMeansDirectAsClientsTreatIt() {
    PolicyDecision decision = decide(evaluator(PacEnvironment.defaults()), "nothing.example");

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.route()).isEqualTo("DIRECT");
    assertThat(decision.reason())
        .isEqualTo("FindProxyForURL returns null: clients then connect DIRECT");
    assertThat(decision.evidence().line()).isEqualTo(7);
  }

  @Test
  void emptyAnswerMeansDirectAsClientsTreatIt() {
    PolicyDecision decision = decide(evaluator(PacEnvironment.defaults()), "empty.example");

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.route()).isEqualTo("DIRECT");
    assertThat(decision.reason()).contains("returns an empty string");
    assertThat(decision.evidence().line()).isEqualTo(10);
  }

  @Test
  void blackHoleFirstFallsBackToTheNextProxy() {
    PolicyDecision decision = decide(evaluator(PacEnvironment.defaults()), "x.failover.example");

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.route()).isEqualTo("PROXY proxy.corp.example:3128");
    assertThat(decision.fallbacks())
        .containsExactly("PROXY 0.0.0.0:8080", "PROXY proxy.corp.example:3128");
    assertThat(decision.reason()).contains("fall back to PROXY proxy.corp.example:3128");
  }

  @Test
  void configuredBlackHoleIsDenied() {
    PacEngine engine = PacEngine.load(PacScript.fromFile(PAC));
    PacEvaluator evaluator =
        new PacEvaluator(engine, BlackHoles.defaults().with(List.of("sinkhole.corp.example")));

    assertThat(decide(evaluator, "sinkhole.example").outcome()).isEqualTo(Outcome.DENIED);
    assertThat(decide(new PacEvaluator(engine), "sinkhole.example").outcome())
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void nonWebEndpointIsNotAskedAndNotBlocked() {
    PacEvaluator evaluator = evaluator(PacEnvironment.defaults());

    PolicyDecision decision =
        evaluator
            .evaluate(List.of(TestEndpoints.endpoint("time.windows.com", Protocol.NTP, 123, null)))
            .get(0);

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.route()).isNull();
    assertThat(decision.reason()).contains("ntp traffic is not affected");
  }

  @Test
  void offlineModeWarnsHowManyDecisionsDependedOnDns() {
    PacEvaluator evaluator = evaluator(PacEnvironment.defaults());

    evaluator.evaluate(
        List.of(
            https("ztd.dds.microsoft.com"), https("a.blocked.example"), https("login.live.com")));

    assertThat(evaluator.warnings())
        .containsExactly(
            "2 decisions depended on DNS resolution of ztd.dds.microsoft.com, login.live.com"
                + " (offline mode: names treated as unresolvable)");
  }

  @Test
  void hostsFileAnswersChangeTheRoute() {
    Path hosts = Path.of("src/test/resources/pac/hosts.txt");
    PacEvaluator evaluator =
        evaluator(PacEnvironment.defaults().withResolver(PacResolver.hostsFile(hosts)));

    PolicyDecision decision = decide(evaluator, "intranet.corp.example");

    assertThat(decision.route()).isEqualTo("DIRECT");
    assertThat(decision.dependsOnDns()).isTrue();
    assertThat(evaluator.warnings())
        .singleElement()
        .asString()
        .endsWith("(answers from hosts:" + hosts + ")");
  }

  @Test
  void systemModeAsksTheInjectedLookupOncePerName() {
    List<String> asked = new ArrayList<>();
    PacResolver system =
        PacResolver.system(
            name -> {
              asked.add(name);
              return name.equals("login.live.com") ? List.of("192.0.2.80") : List.of();
            });
    PacEvaluator evaluator = evaluator(PacEnvironment.defaults().withResolver(system));

    List<PolicyDecision> decisions =
        evaluator.evaluate(List.of(https("login.live.com"), https("login.live.com")));

    assertThat(decisions).extracting(PolicyDecision::route).containsExactly("DIRECT", "DIRECT");
    assertThat(asked).containsExactly("login.live.com");
  }

  @Test
  void alertIsCapturedAsAWarningAndNotPrinted() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PacEvaluator evaluator = evaluator(PacEnvironment.defaults());
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      decide(evaluator, "chatty.example");
    } finally {
      System.setOut(original);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(evaluator.warnings())
        .containsExactly(FILE + " called alert(\"looking at chatty.example\")");
  }

  @Test
  void alertWhileLoadingIsAWarningToo() {
    PacEvaluator evaluator =
        PacEvaluator.load(
            PacScript.of(
                "noisy.pac",
                "alert('proxy script v2 loaded');\nfunction FindProxyForURL(u, h) { return 'DIRECT'; }"),
            PacEnvironment.defaults());

    assertThat(evaluator.warnings())
        .containsExactly("noisy.pac called alert(\"proxy script v2 loaded\")");
  }

  @Test
  void pacThatPassesOnlyTheStandInLeavesTheWildcardPartial() {
    String text =
        """
        function FindProxyForURL(url, host) {
          if (host == "fef.msua06.manage.microsoft.com") return "DIRECT";
          return "PROXY 0.0.0.0:1";
        }
        """;
    PacEvaluator evaluator =
        PacEvaluator.load(PacScript.of("narrow.pac", text), PacEnvironment.defaults());

    PolicyDecision decision =
        evaluator
            .evaluate(
                List.of(
                    TestEndpoints.wildcard(
                        "fef.msua06.manage.microsoft.com", "*.manage.microsoft.com")))
            .get(0);

    assertThat(decision.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(decision.route()).isEqualTo("DIRECT");
    assertThat(decision.reason())
        .contains("but for preflight-wildcard-sample.manage.microsoft.com")
        .contains("every route is a black hole");
    assertThat(decision.evidence())
        .isEqualTo(new RuleRef("narrow.pac", 3, "return \"PROXY 0.0.0.0:1\";"));
  }

  @Test
  void pacThatCoversTheZoneAllowsTheWildcard() {
    String text =
        """
        function FindProxyForURL(url, host) {
          if (dnsDomainIs(host, ".manage.microsoft.com")) return "DIRECT";
          return "PROXY 0.0.0.0:1";
        }
        """;
    PacEvaluator evaluator =
        PacEvaluator.load(PacScript.of("zone.pac", text), PacEnvironment.defaults());

    PolicyDecision decision =
        evaluator
            .evaluate(
                List.of(
                    TestEndpoints.wildcard(
                        "fef.msua06.manage.microsoft.com", "*.manage.microsoft.com")))
            .get(0);

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.evidence().line()).isEqualTo(2);
  }
}
