package dev.preflight.policy.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.common.IpAddress;
import dev.preflight.export.AllowlistBuilder;
import dev.preflight.export.ExportFormat;
import dev.preflight.export.WildcardStyle;
import dev.preflight.policy.ConfigRoot;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.TestEndpoints;
import dev.preflight.testing.StockSquidTree;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The squid side of the round trip against the real thing: for every scenario and TPM kind, the
 * exported fragment goes into a copy of the stock Debian {@code /etc/squid}; analyze judges the
 * copy under {@code --config-root}, then the real {@code squid -k parse} and a real Squid read the
 * very same files at {@code /etc/squid} (see {@link NamespacedSquid}) and decide every request.
 * Squid must accept the configuration cleanly and agree with analyze on every endpoint, and on a
 * host the fragment does not list, which both must deny.
 */
@Timeout(900)
class RoundTripSquidIT {
  private static final List<Endpoint> CONTROLS =
      List.of(
          TestEndpoints.https("not-on-the-list.example.org"),
          TestEndpoints.http("not-on-the-list.example.org"));

  @TempDir Path dir;

  @Test
  void realSquidDecidesTheExportedFragmentAsAnalyzeDoes() throws Exception {
    assumeTrue(NamespacedSquid.available(), "needs root, unshare, nsenter and /usr/sbin/squid");
    Catalog catalog = CatalogLoader.shipped();
    int compared = 0;
    for (Scenario scenario : Scenario.values()) {
      for (Tpm tpm : Tpm.values()) {
        compared += roundTrip(catalog, scenario, tpm);
      }
    }
    System.out.printf("squid round trip: %d requests agreed with real squid%n", compared);
    assertThat(compared).isGreaterThan(Scenario.values().length * Tpm.values().length * 50);
  }

  private int roundTrip(Catalog catalog, Scenario scenario, Tpm tpm) throws Exception {
    Path work = Files.createDirectories(dir.resolve(scenario.id() + "-" + tpm.id()));
    List<Endpoint> selected = catalog.select(Set.of(scenario), tpm);
    Path root = work.resolve("proxy");
    Path squidConf = StockSquidTree.withFragment(root, fragment(selected, scenario, tpm));
    List<Endpoint> asked = new ArrayList<>(web(selected));
    asked.addAll(CONTROLS);
    SquidEvaluator analyze =
        SquidEvaluator.load(
            squidConf, IpAddress.tryParse(NamespacedSquid.ADDRESS), ConfigRoot.at(root));
    List<PolicyDecision> decisions = analyze.evaluate(asked);
    String what = scenario + " " + tpm;
    assertThat(analyze.warnings()).as(what + " warnings").isEmpty();
    for (PolicyDecision decision : decisions) {
      Outcome wanted = CONTROLS.contains(decision.endpoint()) ? Outcome.DENIED : Outcome.ALLOWED;
      assertThat(decision.outcome())
          .as(what + " " + decision.endpoint().target())
          .isEqualTo(wanted);
    }
    NamespacedSquid.ParseResult parse = NamespacedSquid.parse(squidConf.getParent(), work);
    assertThat(parse.exitCode()).as(what + " squid -k parse:%n%s", parse.output()).isZero();
    assertThat(parse.output())
        .as(what + " squid -k parse")
        .contains("Processing Configuration File: /etc/squid/conf.d/preflight.conf")
        .doesNotContain("ERROR", "WARNING", "FATAL", "Bungled");
    List<String> real;
    try (NamespacedSquid squid =
        NamespacedSquid.start(
            squidConf.getParent(), work, asked.stream().map(Endpoint::host).distinct().toList())) {
      real = squid.ask(asked.stream().map(RoundTripSquidIT::request).toList());
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      String expected = decisions.get(i).outcome() == Outcome.DENIED ? "denied" : "allowed";
      if (!real.get(i).equals(expected)) {
        mismatches.add(asked.get(i).target() + ": squid " + real.get(i) + ", analyze " + expected);
      }
    }
    assertThat(mismatches).as(what).isEmpty();
    return asked.size();
  }

  private static String fragment(List<Endpoint> selected, Scenario scenario, Tpm tpm)
      throws IOException {
    StringWriter text = new StringWriter();
    ExportFormat.SQUID
        .renderer(null, WildcardStyle.STAR)
        .render(AllowlistBuilder.build(selected, List.of(scenario), tpm), text);
    return text.toString();
  }

  /** The endpoints a proxy sees: web entries with a concrete host. */
  private static List<Endpoint> web(List<Endpoint> selected) {
    return selected.stream()
        .filter(e -> e.protocol() == Protocol.HTTPS || e.protocol() == Protocol.HTTP)
        .filter(e -> !e.host().contains("{"))
        .toList();
  }

  private static String[] request(Endpoint endpoint) {
    String authority = endpoint.host() + ":" + endpoint.port();
    return endpoint.protocol() == Protocol.HTTPS
        ? new String[] {"CONNECT " + authority + " HTTP/1.1", authority}
        : new String[] {"GET " + endpoint.target() + " HTTP/1.1", endpoint.host()};
  }
}
