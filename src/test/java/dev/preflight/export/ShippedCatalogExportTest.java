package dev.preflight.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.common.HostPort;
import dev.preflight.testing.PacScript;
import dev.preflight.testing.SquidParse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every selection of the shipped catalog exports a squid fragment that real squid accepts and a PAC
 * file that sends every catalog host DIRECT and nothing else.
 */
@Timeout(60)
class ShippedCatalogExportTest {
  private static final String PROXY = "PROXY proxy.corp.example:3128";

  @TempDir Path dir;

  static Stream<Arguments> selections() {
    List<Arguments> all = new ArrayList<>();
    for (Tpm tpm : Tpm.values()) {
      for (Scenario scenario : Scenario.values()) {
        all.add(Arguments.of(List.of(scenario), tpm));
      }
      all.add(Arguments.of(List.of(Scenario.values()), tpm));
    }
    return all.stream();
  }

  /** Each scenario alone, and all of them with each TPM kind: squid runs take a while. */
  static Stream<Arguments> squidSelections() {
    List<Arguments> some = new ArrayList<>();
    for (Scenario scenario : Scenario.values()) {
      some.add(Arguments.of(List.of(scenario), Tpm.DISCRETE));
    }
    for (Tpm tpm : Tpm.values()) {
      some.add(Arguments.of(List.of(Scenario.values()), tpm));
    }
    return some.stream();
  }

  private static List<Endpoint> selected(List<Scenario> scenarios, Tpm tpm) {
    Catalog catalog = CatalogLoader.shipped();
    return catalog.select(EnumSet.copyOf(scenarios), tpm);
  }

  private static String render(ExportFormat format, List<Scenario> scenarios, Tpm tpm)
      throws IOException {
    Allowlist allowlist = AllowlistBuilder.build(selected(scenarios, tpm), scenarios, tpm);
    StringWriter out = new StringWriter();
    format
        .renderer(new HostPort("proxy.corp.example", 3128), WildcardStyle.STAR)
        .render(allowlist, out);
    return out.toString();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("squidSelections")
  void squidAcceptsTheFragment(List<Scenario> scenarios, Tpm tpm) throws IOException {
    SquidParse.assertClean(
        SquidParse.parseFragment(dir, render(ExportFormat.SQUID, scenarios, tpm)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("selections")
  void pacSendsEveryCatalogHostDirectAndOthersToTheProxy(List<Scenario> scenarios, Tpm tpm)
      throws IOException {
    List<Endpoint> selected = selected(scenarios, tpm);
    try (PacScript pac = new PacScript(render(ExportFormat.PAC, scenarios, tpm))) {
      for (Endpoint endpoint : selected) {
        if (!AllowlistBuilder.exclusionReason(endpoint).isEmpty()) {
          continue;
        }
        for (String host : hostsTheDeviceReaches(endpoint)) {
          assertThat(pac.find("https://" + host + "/", host))
              .as("%s (entry %s)", host, endpoint.id())
              .isEqualTo("DIRECT");
        }
      }
      for (String outside : Set.of("www.example.org", "microsoft.com.example.org", "intel.com")) {
        assertThat(pac.find("https://" + outside + "/", outside)).isEqualTo(PROXY);
      }
    }
  }

  /** The probed host (unless only its zone is looked up) and a subdomain of any wildcard. */
  private static List<String> hostsTheDeviceReaches(Endpoint endpoint) {
    List<String> hosts = new ArrayList<>();
    if (!endpoint.zoneCheck()) {
      hosts.add(endpoint.host());
    }
    if (endpoint.wildcard() != null) {
      hosts.add("preflight-probe." + endpoint.wildcard().substring(2));
    }
    return hosts;
  }
}
