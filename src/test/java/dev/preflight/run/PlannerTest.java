package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PlannerTest {
  private static final Set<Scenario> HYBRID = EnumSet.of(Scenario.HYBRID_JOIN);
  private static final Endpoint ZTD =
      entry(
          "ztd",
          "autopilot",
          "ztd.dds.microsoft.com",
          Protocol.HTTPS,
          443,
          Impact.BLOCKING,
          EnumSet.of(Scenario.USER_DRIVEN, Scenario.HYBRID_JOIN));
  private static final Endpoint TIME =
      entry(
          "time",
          "ntp",
          "time.windows.com",
          Protocol.NTP,
          123,
          Impact.BLOCKING,
          EnumSet.allOf(Scenario.class));
  private static final Endpoint TPM_INTEL =
      Endpoint.builder(
              "ekop", "tpm", "ekop.intel.com", Protocol.HTTPS, List.of(443), Entries.SOURCE)
          .path("/")
          .tpms(Set.of(Tpm.INTEL))
          .build();
  private static final Endpoint SELF_ONLY =
      entry(
          "self",
          "autopilot",
          "self.example",
          Protocol.HTTPS,
          443,
          Impact.BLOCKING,
          EnumSet.of(Scenario.SELF_DEPLOYING));
  private static final Endpoint LOCATOR =
      entry(
          "dc-locator",
          "ad",
          "_ldap._tcp.dc._msdcs.{domain}",
          Protocol.DNS,
          53,
          Impact.BLOCKING,
          HYBRID);
  private static final Endpoint LDAP =
      entry("dc-ldap", "ad", "{dc}", Protocol.LDAP, 389, Impact.BLOCKING, HYBRID);
  private static final Endpoint KERBEROS =
      entry("dc-kerberos", "ad", "{dc}", Protocol.KERBEROS, 88, Impact.BLOCKING, HYBRID);
  private static final Catalog CATALOG =
      Entries.catalog(List.of(ZTD, TIME, TPM_INTEL, SELF_ONLY, LOCATOR, LDAP, KERBEROS));

  private static CheckSettings settings(
      Set<Scenario> scenarios, Tpm tpm, @Nullable String domain, RouteSelector routes) {
    return CheckSettings.builder()
        .scenarios(List.copyOf(scenarios))
        .tpm(tpm)
        .domain(domain)
        .routes(routes)
        .build();
  }

  private static List<String> hosts(Plan plan) {
    return plan.targets().stream().map(t -> t.endpoint().host()).toList();
  }

  @Test
  void onlyEntriesTheScenarioNeedsArePlanned() {
    Plan plan =
        Planner.plan(
            CATALOG,
            settings(EnumSet.of(Scenario.USER_DRIVEN), Tpm.DISCRETE, null, RouteSelector.DIRECT));
    assertThat(hosts(plan)).containsExactly("ztd.dds.microsoft.com", "time.windows.com");
    assertThat(plan.settled()).isEmpty();
    assertThat(plan.discovery()).isNull();
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void firmwareTpmAddsItsVendorEntry() {
    Plan plan =
        Planner.plan(
            CATALOG,
            settings(EnumSet.of(Scenario.USER_DRIVEN), Tpm.INTEL, null, RouteSelector.DIRECT));
    assertThat(hosts(plan)).contains("ekop.intel.com");
  }

  @Test
  void severalScenariosPlanTheUnionOnce() {
    Plan plan =
        Planner.plan(
            CATALOG,
            settings(
                EnumSet.of(Scenario.USER_DRIVEN, Scenario.SELF_DEPLOYING),
                Tpm.DISCRETE,
                null,
                RouteSelector.DIRECT));
    assertThat(hosts(plan))
        .containsExactly("ztd.dds.microsoft.com", "time.windows.com", "self.example");
  }

  @Test
  void hybridJoinWithoutDomainSkipsDomainControllerEntriesAndWarns() {
    Plan plan = Planner.plan(CATALOG, settings(HYBRID, Tpm.DISCRETE, null, RouteSelector.DIRECT));
    assertThat(hosts(plan)).containsExactly("ztd.dds.microsoft.com", "time.windows.com");
    assertThat(plan.settled())
        .extracting(r -> r.endpoint().id(), EndpointResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dc-locator", Status.SKIP),
            org.assertj.core.groups.Tuple.tuple("dc-ldap", Status.SKIP),
            org.assertj.core.groups.Tuple.tuple("dc-kerberos", Status.SKIP));
    assertThat(plan.settled().get(0).detail()).contains("pass --domain");
    assertThat(plan.warnings()).containsExactly(Planner.noDomainWarning());
    assertThat(plan.discovery()).isNull();
  }

  @Test
  void hybridJoinWithDomainFillsTheLocatorAndExpandsPerController() {
    Plan plan =
        Planner.plan(CATALOG, settings(HYBRID, Tpm.DISCRETE, "corp.example", RouteSelector.DIRECT));
    DcDiscovery discovery = plan.discovery();
    assertThat(discovery).isNotNull();
    assertThat(discovery.locator().endpoint().host())
        .isEqualTo("_ldap._tcp.dc._msdcs.corp.example");
    assertThat(discovery.locator().route()).isEqualTo(Route.DIRECT);
    assertThat(hosts(plan)).doesNotContain("_ldap._tcp.dc._msdcs.corp.example", "{dc}");
    List<ProbeTarget> dcs = discovery.targetsFor(List.of("dc1.corp.example", "dc2.corp.example"));
    assertThat(dcs)
        .extracting(t -> t.endpoint().target())
        .containsExactly(
            "ldap://dc1.corp.example:389",
            "kerberos://dc1.corp.example:88",
            "ldap://dc2.corp.example:389",
            "kerberos://dc2.corp.example:88");
    assertThat(dcs).allMatch(t -> t.route().isDirect());
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void manyDomainControllersAreCapped() {
    Plan plan =
        Planner.plan(CATALOG, settings(HYBRID, Tpm.DISCRETE, "corp.example", RouteSelector.DIRECT));
    List<String> twenty =
        java.util.stream.IntStream.range(0, 20).mapToObj(i -> "dc" + i + ".corp.example").toList();
    assertThat(plan.discovery().targetsFor(twenty)).hasSize(2 * DcDiscovery.MAX_CONTROLLERS);
  }

  @Test
  void proxyRoutesApplyToHttpsOnly() {
    Plan plan =
        Planner.plan(
            CATALOG,
            settings(
                EnumSet.of(Scenario.USER_DRIVEN),
                Tpm.DISCRETE,
                null,
                new FixedProxy(Route.proxy("proxy", 3128))));
    assertThat(plan.targets())
        .extracting(t -> t.route().toString())
        .containsExactly("PROXY proxy:3128", "DIRECT");
  }

  @Test
  void aSocksRouteIsLeftUnjudged() {
    RouteSelector socks = constant(RouteChoice.of(new Route(Route.Kind.SOCKS, "socks", 1080)));
    Plan plan =
        Planner.plan(
            CATALOG, settings(EnumSet.of(Scenario.USER_DRIVEN), Tpm.DISCRETE, null, socks));
    assertThat(hosts(plan)).containsExactly("time.windows.com");
    EndpointResult skipped = plan.settled().get(0);
    assertThat(skipped.status()).isEqualTo(Status.SKIP);
    assertThat(skipped.route()).isEqualTo("SOCKS socks:1080");
    assertThat(skipped.detail()).contains("SOCKS socks:1080");
    assertThat(skipped.unjudged()).isTrue();
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void aRouteThatCannotBeChosenIsLeftUnjudgedWithItsReason() {
    RouteSelector broken = constant(RouteChoice.unusable("proxy.pac threw ReferenceError: x."));
    Plan plan =
        Planner.plan(
            CATALOG, settings(EnumSet.of(Scenario.USER_DRIVEN), Tpm.DISCRETE, null, broken));
    assertThat(plan.settled())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.detail()).isEqualTo("proxy.pac threw ReferenceError: x.");
              assertThat(r.unjudged()).isTrue();
            });
  }

  private static RouteSelector constant(RouteChoice choice) {
    return new RouteSelector() {
      @Override
      public RouteChoice select(Endpoint endpoint) {
        return choice;
      }

      @Override
      public @Nullable String describe() {
        return "test";
      }
    };
  }
}
