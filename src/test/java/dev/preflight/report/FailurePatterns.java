package dev.preflight.report;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Route;
import dev.preflight.verdict.DomainChoice;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.Judge;
import dev.preflight.verdict.ProxySourceSummary;
import dev.preflight.verdict.Remedies;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.TenantSummary;
import dev.preflight.verdict.Timings;
import dev.preflight.verdict.TlsFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fixed reports for the renderers' golden files, one per failure pattern a network shows: a DNS
 * server that resolves no public name, a proxy that demands authentication for everything, TLS
 * inspection of every handshake, and a mix of causes that touches every status.
 */
final class FailurePatterns {
  private static final Route PROXY = Route.proxy("proxy.corp", 3128);
  private static final Instant STARTED = Instant.parse("2026-11-26T10:00:00Z");

  static final Endpoint ZTD = https("ztd", "autopilot", "ztd.dds.microsoft.com", null, false);
  static final Endpoint CS = https("cs", "autopilot", "cs.dds.microsoft.com", null, false);
  static final Endpoint ENROLL =
      https(
          "enroll",
          "intune",
          "enterpriseenrollment.manage.microsoft.com",
          "*.manage.microsoft.com",
          true);
  static final Endpoint LOGIN = https("login", "entra", "login.microsoftonline.com", null, true);
  static final Endpoint WU =
      Entries.entry(
          "wu",
          "update",
          "dl.delivery.mp.microsoft.com",
          Protocol.HTTP,
          80,
          Impact.DEGRADED,
          EnumSet.of(Scenario.USER_DRIVEN));
  static final Endpoint TIME =
      Entries.entry(
          "time",
          "ntp",
          "time.windows.com",
          Protocol.NTP,
          123,
          Impact.DEGRADED,
          EnumSet.of(Scenario.USER_DRIVEN));
  static final Endpoint DC =
      Entries.entry(
          "dc-ldap",
          "ad",
          "{dc}",
          Protocol.LDAP,
          389,
          Impact.BLOCKING,
          EnumSet.of(Scenario.HYBRID_JOIN));

  private static final List<Endpoint> WEB = List.of(ZTD, CS, ENROLL, LOGIN, WU);
  private static final Catalog CATALOG =
      Entries.catalog(List.of(ZTD, CS, ENROLL, LOGIN, WU, TIME, DC));

  private FailurePatterns() {}

  /** The DNS server answers NXDOMAIN for every public name. */
  static Report allDns() {
    List<EndpointResult> results =
        List.of(ZTD, CS, ENROLL, LOGIN, WU, TIME).stream()
            .map(
                e ->
                    EndpointResult.problem(
                            e,
                            Status.FAIL,
                            Cause.DNS_NXDOMAIN,
                            e.host() + " does not exist according to 10.0.0.53:53.")
                        .withRoute("DIRECT")
                        .withTimings(new Timings(12L, null, null, null, 12L)))
            .toList();
    Environment env =
        machine()
            .dnsServers(List.of("10.0.0.53:53"))
            .dnsSource("system settings")
            .proxySource("none given")
            .build();
    return judge(List.of(Scenario.USER_DRIVEN), results, env, List.of());
  }

  /** The proxy answers 407 to every request; NTP goes direct and works. */
  static Report all407() {
    List<EndpointResult> results =
        new java.util.ArrayList<>(
            WEB.stream()
                .map(
                    e ->
                        EndpointResult.problem(
                                e,
                                Status.FAIL,
                                Cause.HTTP_PROXY_AUTH_REQUIRED,
                                "The proxy proxy.corp:3128 answered 407 Proxy Authentication"
                                    + " Required.")
                            .withRemedy(
                                Remedies.forProbe(Cause.HTTP_PROXY_AUTH_REQUIRED, e, PROXY, null))
                            .withRoute(PROXY.toString())
                            .withTimings(new Timings(null, 2L, null, 3L, 5L)))
                .toList());
    results.add(ntpPass());
    Environment env =
        machine()
            .proxy("PAC http://wpad.corp.example/wpad.dat")
            .proxySource("device")
            .proxyDiscovery(
                new ProxySourceSummary(
                    "device",
                    "WPAD http://wpad.corp.example/wpad.dat via DNS suffix corp.example",
                    "http://wpad.corp.example/wpad.dat",
                    List.of("http://wpad.corp.example/wpad.dat", "http://wpad.example/wpad.dat"),
                    List.of(new ProxySourceSummary.RouteCount("PROXY proxy.corp:3128", 5))))
            .dnsServers(List.of("10.0.0.53:53"))
            .dnsSource("system settings")
            .clockOffsetMs(120L)
            .clockSource("NTP")
            .build();
    return judge(List.of(Scenario.USER_DRIVEN), results, env, List.of());
  }

  /** A TLS-inspecting firewall re-signs every handshake with its own CA. */
  static Report allIntercepted() {
    List<EndpointResult> results =
        new java.util.ArrayList<>(
            List.of(ZTD, CS, ENROLL, LOGIN).stream()
                .map(
                    e ->
                        EndpointResult.problem(
                                e,
                                Status.FAIL,
                                Cause.TLS_INTERCEPTED,
                                "The chain ends at CN=Zscaler Root CA, not at a root "
                                    + e.host()
                                    + " uses.")
                            .withRemedy(
                                Remedies.forProbe(
                                    Cause.TLS_INTERCEPTED, e, Route.DIRECT, "Zscaler"))
                            .withRoute("DIRECT")
                            .withAddresses(List.of("203.0.113.7"))
                            .withTimings(new Timings(3L, 20L, 41L, null, 64L))
                            .withTls(zscaler()))
                .toList());
    results.add(
        EndpointResult.pass(WU, "The origin answered HTTP 404 (DIRECT).")
            .withRoute("DIRECT")
            .withTimings(new Timings(3L, 19L, null, 30L, 52L)));
    results.add(ntpPass());
    Environment env =
        machine()
            .dnsServers(List.of("10.0.0.53:53"))
            .dnsSource("system settings")
            .proxySource("none given")
            .clockOffsetMs(-40L)
            .clockSource("NTP")
            .build();
    return judge(List.of(Scenario.USER_DRIVEN), results, env, List.of());
  }

  /** Several causes at once, touching every status, and a report-level warning. */
  static Report mixed() {
    List<EndpointResult> results =
        List.of(
            EndpointResult.problem(
                    ZTD,
                    Status.FAIL,
                    Cause.TLS_INTERCEPTED,
                    "The chain ends at CN=Zscaler Root CA, not at a root ztd.dds.microsoft.com"
                        + " uses.")
                .withRemedy(
                    "Exempt ztd.dds.microsoft.com from TLS inspection on the Zscaler inspection"
                        + " policy (bypass or splice it).")
                .withRoute(PROXY.toString())
                .withAddresses(List.of("203.0.113.7"))
                .withTimings(new Timings(3L, 20L, 41L, null, 64L))
                .withTls(zscaler()),
            EndpointResult.pass(CS, "The origin answered HTTP 404 (PROXY proxy.corp:3128).")
                .withRoute(PROXY.toString())
                .withAddresses(List.of("203.0.113.8"))
                .withTimings(new Timings(2L, 18L, 40L, 60L, 120L))
                .withTls(
                    new TlsFacts(
                        "TLSv1.3",
                        "CN=Microsoft Azure RSA TLS Issuing CA 04",
                        "CN=DigiCert Global Root G2",
                        "2027-06-01T00:00:00Z")),
            refused(ENROLL),
            refused(LOGIN),
            EndpointResult.problem(
                    TIME,
                    Status.FAIL,
                    Cause.NTP_TIMEOUT,
                    "No NTP reply from 203.0.113.9 within 5s.")
                .withRoute("DIRECT")
                .withAddresses(List.of("203.0.113.9"))
                .withTimings(new Timings(4L, null, null, null, 5004L)),
            EndpointResult.problem(
                    WU,
                    Status.WARN,
                    Cause.TCP_TIMEOUT,
                    "IPv6 2001:db8::1 dropped the connection; IPv4 worked.")
                .withRoute("DIRECT")
                .withTimings(new Timings(1L, 5000L, null, 2L, 5003L)),
            EndpointResult.skip(
                DC,
                "Not checked: pass --domain with the Active Directory domain to find and probe its"
                    + " domain controllers."));
    Environment env =
        machine()
            .proxy("http://proxy.corp:3128")
            .proxySource("--proxy")
            .dnsServers(List.of("192.0.2.53:53"))
            .dnsSource("system settings")
            .clockOffsetMs(2000L)
            .clockSource("Date headers of 3 trusted HTTPS responses")
            .tenant(
                new TenantSummary(
                    "contoso.com",
                    null,
                    "Federated",
                    "microsoftonline.com",
                    "EU",
                    List.of(
                        new TenantSummary.DiscoveredHost("sts.contoso.com", "realm discovery"))))
            .domain(new DomainChoice("corp.contoso.com", "DNS search suffix in /etc/resolv.conf"))
            .build();
    return judge(
        List.of(Scenario.USER_DRIVEN, Scenario.HYBRID_JOIN),
        results,
        env,
        List.of(
            "NTP did not answer, so the clock offset (2.0 s behind the servers) is a coarse"
                + " estimate from the Date headers of 1 HTTPS response, accurate to a few seconds"
                + " at best."));
  }

  /** {@link #mixed} as offline evaluation reports it, without the network's context. */
  static Report mixedAnalyze() {
    Report check = mixed();
    return Judge.judge(
        Report.Mode.ANALYZE,
        check.toolVersion(),
        CATALOG,
        check.scenarios(),
        check.endpoints(),
        machine().build(),
        List.of(),
        STARTED,
        Duration.ofMillis(40));
  }

  /** A check that could not judge a blocking endpoint, while the other one passed: UNKNOWN. */
  static Report unknown() {
    return Judge.judge(
        Report.Mode.CHECK,
        "0.1.0",
        CATALOG,
        List.of(Scenario.USER_DRIVEN),
        List.of(
            EndpointResult.unjudged(
                ZTD, "The PAC script failed for this URL: proxy.pac:2: notDefined is not defined."),
            EndpointResult.pass(CS, "The origin answered HTTP 404 (DIRECT).")),
        Environment.UNKNOWN,
        List.of(),
        STARTED,
        Duration.ofMillis(12));
  }

  private static EndpointResult refused(Endpoint e) {
    return EndpointResult.problem(
            e, Status.FAIL, Cause.TCP_REFUSED, "The connection to 203.0.113.20:443 was refused.")
        .withRoute("DIRECT")
        .withAddresses(List.of("203.0.113.20"))
        .withTimings(new Timings(2L, 1L, null, null, 3L));
  }

  private static EndpointResult ntpPass() {
    return EndpointResult.pass(TIME, "time.windows.com answered; offset 120 ms.")
        .withRoute("DIRECT")
        .withAddresses(List.of("203.0.113.9"))
        .withTimings(new Timings(4L, null, null, null, 30L));
  }

  private static TlsFacts zscaler() {
    return new TlsFacts(
        "TLSv1.3", "CN=Zscaler Intermediate Root CA", "CN=Zscaler Root CA", "2027-01-01T00:00:00Z");
  }

  private static Environment.Builder machine() {
    return Environment.builder()
        .machine("build-bench-7")
        .addresses(List.of("192.0.2.2", "2001:db8::2"))
        .defaultInterface("eth0")
        .catalogDate("2025-11-17");
  }

  private static Report judge(
      List<Scenario> scenarios, List<EndpointResult> results, Environment env, List<String> warn) {
    return Judge.judge(
        Report.Mode.CHECK,
        "0.1.0",
        CATALOG,
        scenarios,
        results,
        env,
        warn,
        STARTED,
        Duration.ofMillis(5210));
  }

  private static Endpoint https(
      String id, String service, String host, @Nullable String wildcard, boolean noInspection) {
    return Endpoint.builder(id, service, host, Protocol.HTTPS, List.of(443), Entries.SOURCE)
        .wildcard(wildcard)
        .path("/")
        .scenarios(EnumSet.of(Scenario.USER_DRIVEN))
        .inspectionUnsupported(noInspection)
        .build();
  }
}
