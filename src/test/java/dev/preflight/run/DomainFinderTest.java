package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Fact;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hybrid join without --domain: the network's DNS suffixes, tried for the DC locator record. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DomainFinderTest {
  private static final Endpoint LOCATOR =
      entry(
          "dc-locator",
          "ad",
          "_ldap._tcp.dc._msdcs.{domain}",
          Protocol.DNS,
          53,
          Impact.BLOCKING,
          EnumSet.of(Scenario.HYBRID_JOIN));
  private static final Endpoint LDAP =
      entry(
          "dc-ldap",
          "ad",
          "{dc}",
          Protocol.LDAP,
          389,
          Impact.BLOCKING,
          EnumSet.of(Scenario.HYBRID_JOIN));
  private static final Catalog CATALOG = Entries.catalog(List.of(LOCATOR, LDAP));
  private static final String SOURCE = "DNS search suffix in /etc/resolv.conf";

  /** A DC locator that knows only eu.corp.example. */
  private static ProbeResult locate(ProbeTarget target) {
    if (target.endpoint().host().endsWith(".eu.corp.example")) {
      return new ProbeResult(target, null, Map.of(), Map.of(Fact.ADDRESSES, "dc1.eu.corp.example"));
    }
    return new ProbeResult(
        target,
        ProbeFailure.fail(Cause.DC_NOT_FOUND, Phase.RESOLVE, "no SRV record"),
        Map.of(),
        Map.of());
  }

  private static Report check(String domain, String... suffixes) {
    CheckSettings settings =
        CheckSettings.builder()
            .scenarios(List.of(Scenario.HYBRID_JOIN))
            .domain(domain)
            .domainSuffixes(new DnsSuffixes(List.of(suffixes), SOURCE))
            .timeout(Duration.ofMillis(500))
            .build();
    CheckRun run =
        new CheckRun(
            (target, deadline, cpu) -> new ProbeResult(target, null, Map.of(), Map.of()),
            (target, deadline, cpu) -> locate(target),
            List.of(),
            LocalMachine.UNKNOWN,
            Clock.systemUTC(),
            "test");
    return run.run(CATALOG, settings, ProgressListener.NONE);
  }

  private static EndpointResult locator(Report report) {
    return report.endpoints().stream()
        .filter(r -> r.endpoint().id().equals("dc-locator"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void oneSuffixIsTheDomainAndTheReportSaysWhereItCameFrom() {
    Report report = check(null, "corp.example");

    assertThat(report.environment().domain().name()).isEqualTo("corp.example");
    assertThat(report.environment().domain().source()).isEqualTo(SOURCE);
    assertThat(locator(report).endpoint().host()).isEqualTo("_ldap._tcp.dc._msdcs.corp.example");
    assertThat(report.warnings()).noneMatch(w -> w.contains("no --domain"));
  }

  @Test
  void theFirstSuffixWithALocatorRecordWinsAndTheReportSaysSo() {
    Report report = check(null, "corp.example", "eu.corp.example");

    assertThat(report.environment().domain().name()).isEqualTo("eu.corp.example");
    assertThat(report.environment().domain().source())
        .isEqualTo(
            SOURCE + ": the first of corp.example, eu.corp.example with a DC locator record");
    assertThat(report.endpoints()).anyMatch(r -> r.endpoint().host().equals("dc1.eu.corp.example"));
  }

  @Test
  void whenNoSuffixAnswersTheFirstIsUsedAndReportedNotFound() {
    Report report = check(null, "a.example", "b.example");

    assertThat(report.environment().domain().name()).isEqualTo("a.example");
    assertThat(report.environment().domain().source()).endsWith("none has a DC locator record");
    assertThat(locator(report).cause()).isEqualTo(Cause.DC_NOT_FOUND);
  }

  @Test
  void anExplicitDomainWinsOverTheSuffixes() {
    Report report = check("eu.corp.example", "corp.example");

    assertThat(report.environment().domain().name()).isEqualTo("eu.corp.example");
    assertThat(report.environment().domain().source()).isEqualTo("--domain");
  }

  @Test
  void noSuffixAndNoDomainSkipsAsBefore() {
    Report report = check(null);

    assertThat(report.environment().domain()).isNull();
    assertThat(report.warnings()).anyMatch(w -> w.contains("no --domain was given"));
  }
}
