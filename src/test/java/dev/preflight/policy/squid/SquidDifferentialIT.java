package dev.preflight.policy.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.common.InputException;
import dev.preflight.common.IpAddress;
import dev.preflight.policy.ConfigRoot;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.TestEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential truth: for seeded random rule sets over the catalog hosts, what analyze predicts
 * (allowed, denied, authentication required) must equal what a real Squid does with the same
 * request. One Squid runs for the whole test and is reconfigured between rule sets; it is always
 * killed at the end.
 */
@Timeout(180)
class SquidDifferentialIT {
  private static final int RULE_SETS = 200;
  private static final int MAX_SEEDS = 400;
  private static final long FIRST_SEED = 20261126L;

  @TempDir Path dir;

  @Test
  void analyzeAgreesWithRealSquid() throws Exception {
    assumeTrue(Files.isExecutable(SquidProcess.SQUID), "squid is not installed");
    List<Endpoint> endpoints = DifferentialEndpoints.endpoints();
    List<String> hosts = endpoints.stream().map(Endpoint::host).distinct().toList();
    Path rulesFile = dir.resolve("rules.conf");
    Optional<IpAddress> loopback = IpAddress.tryParse("127.0.0.1");
    int compared = 0;
    int accepted = 0;
    int refusedByBoth = 0;
    Map<String, Integer> seen = new TreeMap<>();
    try (SquidProcess squid = SquidProcess.start(dir, "http_access deny all\n")) {
      for (long seed = FIRST_SEED; accepted < RULE_SETS && seed < FIRST_SEED + MAX_SEEDS; seed++) {
        String rules = RandomSquidRules.generate(seed, hosts);
        Files.writeString(rulesFile, rules);
        SquidEvaluator evaluator;
        try {
          evaluator = SquidEvaluator.load(rulesFile, loopback, ConfigRoot.none());
        } catch (InputException refused) {
          assertThat(squid.accepts(rules))
              .as("seed %d: analyze refused (%s) but squid accepts:%n%s", seed, refused, rules)
              .isFalse();
          refusedByBoth++;
          continue;
        }
        // A rule set squid refuses makes the reconfigure fail, with squid's own parse report.
        squid.reconfigure(rules);
        accepted++;
        List<String> mismatches = new ArrayList<>();
        for (PolicyDecision decision : evaluator.evaluate(endpoints)) {
          String real = ask(squid.port(), decision.endpoint());
          String expected = expected(decision);
          seen.merge(real, 1, Integer::sum);
          if (!real.equals(expected)) {
            mismatches.add(
                decision.endpoint().target()
                    + ": squid "
                    + real
                    + ", analyze "
                    + expected
                    + " ("
                    + decision.reason()
                    + ")");
          }
          compared++;
        }
        assertThat(mismatches).as("seed %d, rules:%n%s", seed, rules).isEmpty();
      }
    }
    System.out.printf(
        "squid differential: %d rule sets agreed (%d requests: %s), %d refused by both%n",
        accepted, compared, seen, refusedByBoth);
    assertThat(seen).containsKeys("allowed", "denied", "auth");
    assertThat(accepted).isEqualTo(RULE_SETS);
    assertThat(compared).isGreaterThanOrEqualTo(RULE_SETS * 20);
  }

  private static String ask(int port, Endpoint endpoint) throws java.io.IOException {
    String authority = endpoint.host() + ":" + endpoint.port();
    ProxyClient.Answer answer =
        endpoint.protocol() == Protocol.HTTPS
            ? ProxyClient.send(port, "CONNECT " + authority + " HTTP/1.1", authority)
            : ProxyClient.send(port, "GET " + endpoint.target() + " HTTP/1.1", endpoint.host());
    return answer.decision();
  }

  private static String expected(PolicyDecision decision) {
    return switch (decision.outcome()) {
      case ALLOWED, PARTIAL, INSPECTED -> "allowed";
      case DENIED -> "denied";
      case AUTH_REQUIRED -> "auth";
      default -> decision.outcome().name();
    };
  }

  /** The endpoints the test asks about: the shipped catalog's web endpoints, and a few ports. */
  static final class DifferentialEndpoints {
    private DifferentialEndpoints() {}

    static List<Endpoint> endpoints() {
      List<Endpoint> endpoints = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Endpoint e : CatalogLoader.shipped().endpoints()) {
        boolean web = e.protocol() == Protocol.HTTPS || e.protocol() == Protocol.HTTP;
        if (web && !e.host().contains("{") && seen.add(e.protocol() + " " + e.host() + e.port())) {
          endpoints.add(e);
        }
      }
      // Ports the catalog does not use, so port acls and CONNECT to odd ports are exercised too.
      endpoints.add(TestEndpoints.of(Protocol.HTTPS, "login.live.com", null, 8443, false));
      endpoints.add(TestEndpoints.of(Protocol.HTTP, "time.windows.com", null, 8080, false));
      endpoints.add(TestEndpoints.of(Protocol.HTTP, "ztd.dds.microsoft.com", null, 25, false));
      return endpoints;
    }
  }
}
