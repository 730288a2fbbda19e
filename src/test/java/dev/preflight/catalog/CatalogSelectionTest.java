package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Scenario and TPM selection over the shipped catalog picks exactly what each mode needs. */
@Timeout(60)
class CatalogSelectionTest {
  private static final Catalog CATALOG = CatalogLoader.shipped();

  private static final List<String> CORE =
      List.of(
          "ztd-dds",
          "cs-dds",
          "login-live",
          "activation-sls",
          "login-microsoftonline",
          "enterprise-registration",
          "intune-enrollment",
          "ntp-time-windows",
          "dns-resolution",
          "ncsi-web",
          "ncsi-dns",
          "crl-microsoft");

  private static final Set<String> VENDOR_ENTRIES =
      Set.of("tpm-ek-intel", "tpm-ek-amd", "tpm-ek-qualcomm");

  static Stream<Arguments> everyScenarioAndTpm() {
    return EnumSet.allOf(Scenario.class).stream()
        .flatMap(s -> EnumSet.allOf(Tpm.class).stream().map(t -> Arguments.of(s, t)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyScenarioAndTpm")
  void everySelectionHasTheCoreAndOnlyWhatItNeeds(Scenario scenario, Tpm tpm) {
    List<Endpoint> selected = CATALOG.select(Set.of(scenario), tpm);
    assertThat(ids(selected)).containsAll(CORE);
    assertThat(selected)
        .allMatch(e -> e.scenarios().contains(scenario))
        .allMatch(e -> e.tpms().isEmpty() || e.tpms().contains(tpm));
    boolean attests = scenario == Scenario.SELF_DEPLOYING || scenario == Scenario.PRE_PROVISIONING;
    assertThat(ids(selected).contains("tpm-aik")).isEqualTo(attests);
    assertThat(ids(selected).contains("dc-locator")).isEqualTo(scenario == Scenario.HYBRID_JOIN);
    Set<String> vendor = ids(selected);
    vendor.retainAll(VENDOR_ENTRIES);
    Set<String> expectedVendor =
        attests && tpm != Tpm.DISCRETE ? Set.of("tpm-ek-" + tpm.id()) : Set.of();
    assertThat(vendor).isEqualTo(expectedVendor);
  }

  @ParameterizedTest
  @EnumSource(
      value = Scenario.class,
      names = {"SELF_DEPLOYING", "PRE_PROVISIONING"})
  void eachFirmwareTpmAddsItsOwnEkUrlAndNothingElse(Scenario scenario) {
    Set<String> discrete = ids(CATALOG.select(Set.of(scenario), Tpm.DISCRETE));
    assertThat(discrete).doesNotContainAnyElementsOf(VENDOR_ENTRIES);
    assertThat(added(scenario, Tpm.INTEL, discrete)).containsExactly("tpm-ek-intel");
    assertThat(added(scenario, Tpm.AMD, discrete)).containsExactly("tpm-ek-amd");
    assertThat(added(scenario, Tpm.QUALCOMM, discrete)).containsExactly("tpm-ek-qualcomm");
    assertThat(CATALOG.endpoint("tpm-ek-intel").orElseThrow().host()).isEqualTo("ekop.intel.com");
  }

  @ParameterizedTest
  @EnumSource(
      value = Tpm.class,
      names = {"INTEL", "AMD", "QUALCOMM"})
  void firmwareTpmChangesNothingForUserDriven(Tpm tpm) {
    assertThat(CATALOG.select(Set.of(Scenario.USER_DRIVEN), tpm))
        .isEqualTo(CATALOG.select(Set.of(Scenario.USER_DRIVEN), Tpm.DISCRETE));
  }

  @Test
  void hybridJoinAddsDomainControllerDiscoveryAndSeamlessSso() {
    Set<String> userDriven = ids(CATALOG.select(Set.of(Scenario.USER_DRIVEN), Tpm.DISCRETE));
    Set<String> hybrid = ids(CATALOG.select(Set.of(Scenario.HYBRID_JOIN), Tpm.DISCRETE));
    hybrid.removeAll(userDriven);
    assertThat(hybrid)
        .containsExactlyInAnyOrder("dc-locator", "dc-ldap", "dc-kerberos", "hybrid-seamless-sso");
  }

  @ParameterizedTest
  @EnumSource(
      value = Scenario.class,
      names = {"SELF_DEPLOYING", "PRE_PROVISIONING"})
  void tpmScenariosAddMicrosoftAikOnly(Scenario scenario) {
    Set<String> userDriven = ids(CATALOG.select(Set.of(Scenario.USER_DRIVEN), Tpm.DISCRETE));
    Set<String> attesting = ids(CATALOG.select(Set.of(scenario), Tpm.DISCRETE));
    attesting.removeAll(userDriven);
    assertThat(attesting).containsExactly("tpm-aik");
  }

  @Test
  void severalScenariosSelectTheUnionInCatalogOrder() {
    List<Endpoint> both =
        CATALOG.select(Set.of(Scenario.HYBRID_JOIN, Scenario.SELF_DEPLOYING), Tpm.INTEL);
    assertThat(ids(both)).contains("dc-ldap", "tpm-aik", "tpm-ek-intel", "ztd-dds");
    assertThat(both).isSubsetOf(CATALOG.endpoints());
    assertThat(both)
        .isSortedAccordingTo(
            (a, b) -> CATALOG.endpoints().indexOf(a) - CATALOG.endpoints().indexOf(b));
  }

  private static Set<String> added(Scenario scenario, Tpm tpm, Set<String> base) {
    Set<String> ids = ids(CATALOG.select(Set.of(scenario), tpm));
    ids.removeAll(base);
    return ids;
  }

  private static Set<String> ids(List<Endpoint> endpoints) {
    Set<String> ids = new LinkedHashSet<>();
    endpoints.forEach(e -> ids.add(e.id()));
    return ids;
  }
}
