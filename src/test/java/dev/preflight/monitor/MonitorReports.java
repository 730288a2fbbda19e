package dev.preflight.monitor;

import static dev.preflight.fixtures.Entries.entry;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.Cause;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.Judge;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.Timings;
import dev.preflight.verdict.TlsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Small judged reports for the monitor's tests: one of each status, or all passing. */
final class MonitorReports {
  static final Instant STARTED = Instant.parse("2026-11-26T10:00:00Z");

  static final Endpoint ZTD =
      entry(
          "ztd",
          "autopilot",
          "ztd.dds.microsoft.com",
          Protocol.HTTPS,
          443,
          Impact.BLOCKING,
          EnumSet.of(Scenario.USER_DRIVEN));
  static final Endpoint WU =
      entry(
          "wu",
          "update",
          "adl.windows.com",
          Protocol.HTTPS,
          443,
          Impact.DEGRADED,
          EnumSet.of(Scenario.USER_DRIVEN));
  static final Endpoint DC =
      entry(
          "dc",
          "hybrid",
          "dc1.corp.example",
          Protocol.TCP,
          389,
          Impact.BLOCKING,
          EnumSet.of(Scenario.USER_DRIVEN));

  static final Catalog CATALOG =
      new Catalog(
          List.of(
              Entries.service("autopilot"), Entries.service("update"), Entries.service("hybrid")),
          List.of(ZTD, WU, DC),
          java.util.Map.of());

  private MonitorReports() {}

  /** ztd fails with TCP_TIMEOUT, wu warns, dc is skipped: BLOCKED. */
  static Report blocked() {
    return judge(
        List.of(
            EndpointResult.problem(ZTD, Status.FAIL, Cause.TCP_TIMEOUT, "No answer within 5 s.")
                .withTimings(new Timings(3L, 5000L, null, null, 5003L)),
            EndpointResult.problem(WU, Status.WARN, Cause.TLS_UNTRUSTED, "Only IPv6 failed.")
                .withTimings(new Timings(2L, 10L, 30L, 20L, 62L))
                .withTls(new TlsFacts("TLSv1.3", "CN=Issuer", "CN=Root", "2027-01-31T12:00:00Z")),
            EndpointResult.skip(DC, "Not checked: pass --domain.")),
        1234L);
  }

  /** Every endpoint passes: READY. */
  static Report ready() {
    return judge(
        List.of(
            EndpointResult.pass(ZTD, "The origin answered HTTP 404.")
                .withTimings(new Timings(1L, 10L, 20L, 30L, 61L))
                .withTls(new TlsFacts("TLSv1.3", "CN=Issuer", "CN=Root", "2027-02-28T00:00:00Z")),
            EndpointResult.pass(WU, "The origin answered HTTP 404."),
            EndpointResult.pass(DC, "Connected.")),
        null);
  }

  private static Report judge(List<EndpointResult> results, Long clockOffsetMs) {
    return Judge.judge(
        Report.Mode.CHECK,
        "0.1.0",
        CATALOG,
        List.of(Scenario.USER_DRIVEN),
        results,
        Environment.builder()
            .dnsServers(List.of("127.0.0.1:53"))
            .clockOffsetMs(clockOffsetMs)
            .build(),
        List.of(),
        STARTED,
        Duration.ofMillis(2500));
  }
}
