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
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run's assembly: plan, probe, judge, report; the probes here answer from a table. */
@Timeout(60)
class CheckRunTest {
  private static final EnumSet<Scenario> BOTH =
      EnumSet.of(Scenario.USER_DRIVEN, Scenario.HYBRID_JOIN);
  private static final Endpoint ZTD =
      entry("ztd", "autopilot", "ztd.example", Protocol.HTTPS, 443, Impact.BLOCKING, BOTH);
  private static final Endpoint STORE =
      entry("store", "store", "store.example", Protocol.HTTPS, 443, Impact.DEGRADED, BOTH);
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
  private static final Catalog CATALOG = Entries.catalog(List.of(ZTD, STORE, LOCATOR, LDAP));

  private static CheckSettings settings(Scenario scenario, String domain) {
    return CheckSettings.builder()
        .scenarios(List.of(scenario))
        .domain(domain)
        .timeout(Duration.ofMillis(500))
        .build();
  }

  private static ProbeResult pass(ProbeTarget target) {
    return new ProbeResult(target, null, Map.of(Phase.RESOLVE, Duration.ofMillis(1)), Map.of());
  }

  private static List<EndpointResult> all(Report report) {
    return report.endpoints();
  }

  @Test
  void aProbeThatThrowsIsSkippedWithAWarningAndTheRunStillJudgesTheRest() {
    ProbeRunner.Executor probes =
        (target, deadline, cpu) -> {
          if (target.endpoint().id().equals("store")) {
            throw new IllegalStateException("bug");
          }
          return pass(target);
        };
    CheckRun run =
        new CheckRun(
            probes,
            (target, deadline, cpu) -> pass(target),
            List.of("192.0.2.53:53"),
            LocalMachine.UNKNOWN,
            Clock.systemUTC(),
            "test");
    Report report = run.run(CATALOG, settings(Scenario.USER_DRIVEN, null), ProgressListener.NONE);
    assertThat(all(report))
        .extracting(r -> r.endpoint().id(), EndpointResult::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ztd", Status.PASS),
            org.assertj.core.groups.Tuple.tuple("store", Status.SKIP));
    assertThat(report.warnings())
        .singleElement()
        .asString()
        .contains("1 endpoint could not be judged")
        .contains("internal error");
    assertThat(report.verdict()).isEqualTo(Verdict.DEGRADED);
    assertThat(report.environment().dnsServers()).containsExactly("192.0.2.53:53");
  }

  @Test
  void domainControllersFoundByTheLocatorAreProbedByName() {
    List<String> probed = new CopyOnWriteArrayList<>();
    ProbeRunner.Executor probes =
        (target, deadline, cpu) -> {
          probed.add(target.endpoint().target());
          return target.endpoint().host().equals("dc2.corp.example")
              ? new ProbeResult(
                  target,
                  ProbeFailure.fail(Cause.DC_UNREACHABLE, Phase.CONNECT, "no answer on 389"),
                  Map.of(),
                  Map.of())
              : pass(target);
        };
    ProbeRunner.Executor locator =
        (target, deadline, cpu) ->
            new ProbeResult(
                target,
                null,
                Map.of(),
                Map.of(Fact.ADDRESSES, "dc1.corp.example,dc2.corp.example"));
    CheckRun run =
        new CheckRun(probes, locator, List.of(), LocalMachine.UNKNOWN, Clock.systemUTC(), "test");
    Report report =
        run.run(CATALOG, settings(Scenario.HYBRID_JOIN, "corp.example"), ProgressListener.NONE);
    assertThat(probed).contains("ldap://dc1.corp.example:389", "ldap://dc2.corp.example:389");
    EndpointResult dc2 =
        all(report).stream()
            .filter(r -> r.endpoint().host().equals("dc2.corp.example"))
            .findFirst()
            .orElseThrow();
    assertThat(dc2.cause()).isEqualTo(Cause.DC_UNREACHABLE);
    assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
  }

  @Test
  void probesThatOverrunTheirOwnDeadlineAreAbandonedAfterAGraceAndSaySo() {
    ProbeRunner.Executor stuck =
        (target, deadline, cpu) -> {
          try {
            Thread.sleep(Duration.ofSeconds(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return pass(target);
        };
    CheckRun run =
        new CheckRun(stuck, stuck, List.of(), LocalMachine.UNKNOWN, Clock.systemUTC(), "test");
    long start = System.nanoTime();
    Report report = run.run(CATALOG, settings(Scenario.USER_DRIVEN, null), ProgressListener.NONE);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(all(report)).allMatch(r -> r.status() == Status.SKIP);
    assertThat(all(report).get(0).detail())
        .contains("did not return within 1000 ms after its own deadline of 500 ms")
        .contains("a fault in preflight");
  }
}
