package dev.preflight.report;

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
import dev.preflight.verdict.ProxySourceSummary;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.Timings;
import dev.preflight.verdict.TlsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** A fixed check report touching every status, for the renderers' golden files. */
final class SampleReports {
  private SampleReports() {}

  static Report blocked() {
    Endpoint ztd =
        entry(
            "ztd",
            "autopilot",
            "ztd.dds.microsoft.com",
            Protocol.HTTPS,
            443,
            Impact.BLOCKING,
            EnumSet.of(Scenario.USER_DRIVEN));
    Endpoint cs =
        entry(
            "cs",
            "autopilot",
            "cs.dds.microsoft.com",
            Protocol.HTTPS,
            443,
            Impact.BLOCKING,
            EnumSet.of(Scenario.USER_DRIVEN));
    Endpoint time =
        entry(
            "time",
            "ntp",
            "time.windows.com",
            Protocol.NTP,
            123,
            Impact.BLOCKING,
            EnumSet.of(Scenario.USER_DRIVEN));
    Endpoint wu =
        entry(
            "wu",
            "update",
            "dl.delivery.mp.microsoft.com",
            Protocol.HTTP,
            80,
            Impact.DEGRADED,
            EnumSet.of(Scenario.USER_DRIVEN));
    Endpoint dc =
        entry(
            "dc-ldap",
            "ad",
            "{dc}",
            Protocol.LDAP,
            389,
            Impact.BLOCKING,
            EnumSet.of(Scenario.HYBRID_JOIN));
    Catalog catalog = Entries.catalog(List.of(ztd, cs, time, wu, dc));
    List<EndpointResult> results =
        List.of(
            EndpointResult.problem(
                    ztd,
                    Status.FAIL,
                    Cause.TLS_INTERCEPTED,
                    "The chain ends at CN=Zscaler Root CA, not at a root ztd.dds.microsoft.com uses.")
                .withRemedy(
                    "Exempt ztd.dds.microsoft.com from TLS inspection on the Zscaler inspection policy (bypass or splice it).")
                .withRoute("PROXY proxy.corp:3128")
                .withAddresses(List.of("203.0.113.7"))
                .withTimings(new Timings(3L, 20L, 41L, null, 64L))
                .withTls(
                    new TlsFacts(
                        "TLSv1.3",
                        "CN=Zscaler Intermediate Root CA",
                        "CN=Zscaler Root CA",
                        "2027-01-01T00:00:00Z")),
            EndpointResult.pass(cs, "The origin answered HTTP 404 (PROXY proxy.corp:3128).")
                .withRoute("PROXY proxy.corp:3128")
                .withAddresses(List.of("203.0.113.8"))
                .withTimings(new Timings(2L, 18L, 40L, 60L, 120L))
                .withTls(
                    new TlsFacts(
                        "TLSv1.3",
                        "CN=Microsoft Azure RSA TLS Issuing CA 04",
                        "CN=DigiCert Global Root G2",
                        "2027-06-01T00:00:00Z")),
            EndpointResult.problem(
                    time,
                    Status.FAIL,
                    Cause.NTP_TIMEOUT,
                    "No NTP reply from 203.0.113.9 within 5s.")
                .withRoute("DIRECT")
                .withAddresses(List.of("203.0.113.9"))
                .withTimings(new Timings(4L, null, null, null, 5004L)),
            EndpointResult.problem(
                    wu,
                    Status.WARN,
                    Cause.TCP_TIMEOUT,
                    "IPv6 2001:db8::1 dropped the connection; IPv4 worked.")
                .withRoute("DIRECT")
                .withTimings(new Timings(1L, 5000L, null, 2L, 5003L)),
            EndpointResult.skip(
                dc,
                "Not checked: pass --domain with the Active Directory domain to find and probe its domain controllers."));
    return Judge.judge(
        Report.Mode.CHECK,
        "0.1.0",
        catalog,
        List.of(Scenario.USER_DRIVEN, Scenario.HYBRID_JOIN),
        results,
        Environment.builder()
            .proxy("PAC http://wpad.corp.example/wpad.dat")
            .dnsServers(List.of("192.0.2.53:53"))
            .clockOffsetMs(2000L)
            .proxySource(
                new ProxySourceSummary(
                    "device",
                    "WPAD http://wpad.corp.example/wpad.dat via DNS suffix corp.example",
                    "http://wpad.corp.example/wpad.dat",
                    List.of("http://wpad.corp.example/wpad.dat"),
                    List.of(
                        new ProxySourceSummary.RouteCount("PROXY proxy.corp:3128", 3),
                        new ProxySourceSummary.RouteCount("DIRECT", 2))))
            .build(),
        List.of(
            "NTP did not answer, so the clock offset (2.0 s behind the servers) is a coarse estimate from the Date headers of 1 HTTPS response, accurate to a few seconds at best."),
        Instant.parse("2026-11-26T10:00:00Z"),
        Duration.ofMillis(5210));
  }
}
