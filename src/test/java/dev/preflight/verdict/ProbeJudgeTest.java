package dev.preflight.verdict;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Fact;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@org.junit.jupiter.api.Timeout(30)
class ProbeJudgeTest {
  private static final Endpoint MANAGE =
      Endpoint.builder(
              "intune",
              "intune",
              "enterpriseenrollment.manage.microsoft.com",
              Protocol.HTTPS,
              java.util.List.of(443),
              dev.preflight.fixtures.Entries.SOURCE)
          .wildcard("*.manage.microsoft.com")
          .path("/")
          .scenarios(java.util.Set.of(dev.preflight.catalog.Scenario.USER_DRIVEN))
          .inspectionUnsupported(true)
          .build();
  private static final Endpoint TIME =
      entry("time", "time.windows.com", Protocol.NTP, 123, Impact.BLOCKING);
  private static final Endpoint LDAP =
      entry("dc-ldap", "dc1.corp.example", Protocol.LDAP, 389, Impact.BLOCKING);
  private static final Endpoint LOCATOR =
      entry("dc-locator", "_ldap._tcp.dc._msdcs.corp.example", Protocol.DNS, 53, Impact.BLOCKING);
  private static final Route PROXY = Route.proxy("proxy.corp", 3128);

  private static ProbeResult failed(Endpoint e, Route route, Cause cause, Phase phase) {
    return new ProbeResult(
        new ProbeTarget(e, route),
        ProbeFailure.fail(cause, phase, "observed " + cause + "."),
        Map.of(Phase.RESOLVE, Duration.ofMillis(3)),
        Map.of());
  }

  /** Cause from the probe, the cause and remedy fragment the report must carry. */
  static Stream<Arguments> causes() {
    return Stream.of(
        Arguments.of(
            MANAGE,
            Route.DIRECT,
            Cause.DNS_NXDOMAIN,
            Phase.RESOLVE,
            Cause.DNS_NXDOMAIN,
            "resolve public names"),
        Arguments.of(
            MANAGE,
            Route.DIRECT,
            Cause.DNS_SINKHOLE,
            Phase.RESOLVE,
            Cause.DNS_SINKHOLE,
            "*.manage.microsoft.com"),
        Arguments.of(
            MANAGE, Route.DIRECT, Cause.TCP_TIMEOUT, Phase.CONNECT, Cause.TCP_TIMEOUT, "TCP 443"),
        Arguments.of(
            MANAGE, Route.DIRECT, Cause.TCP_REFUSED, Phase.CONNECT, Cause.TCP_REFUSED, "TCP 443"),
        Arguments.of(
            MANAGE,
            Route.DIRECT,
            Cause.TLS_INTERCEPTED,
            Phase.TLS_HANDSHAKE,
            Cause.TLS_INTERCEPTED,
            "Microsoft does not support inspecting it"),
        Arguments.of(
            MANAGE,
            Route.DIRECT,
            Cause.TLS_UNTRUSTED,
            Phase.TLS_HANDSHAKE,
            Cause.TLS_UNTRUSTED,
            "--ca-file"),
        Arguments.of(
            MANAGE,
            Route.DIRECT,
            Cause.TLS_TIMEOUT,
            Phase.TLS_HANDSHAKE,
            Cause.TLS_TIMEOUT,
            "without protocol filtering"),
        Arguments.of(
            MANAGE,
            PROXY,
            Cause.HTTP_PROXY_AUTH_REQUIRED,
            Phase.PROXY_TUNNEL,
            Cause.HTTP_PROXY_AUTH_REQUIRED,
            "through the proxy proxy.corp:3128 without authentication"),
        Arguments.of(
            MANAGE,
            PROXY,
            Cause.HTTP_BLOCKED,
            Phase.PROXY_TUNNEL,
            Cause.HTTP_BLOCKED,
            "on proxy.corp:3128"),
        Arguments.of(
            MANAGE,
            PROXY,
            Cause.PROXY_UNREACHABLE,
            Phase.CONNECT,
            Cause.PROXY_UNREACHABLE,
            "proxy.corp:3128 reachable"),
        Arguments.of(
            MANAGE,
            Route.DIRECT,
            Cause.HTTP_CAPTIVE_PORTAL,
            Phase.RESPONSE,
            Cause.HTTP_CAPTIVE_PORTAL,
            "captive portal"),
        Arguments.of(
            TIME,
            Route.DIRECT,
            Cause.NTP_TIMEOUT,
            Phase.NTP_EXCHANGE,
            Cause.NTP_TIMEOUT,
            "UDP 123"),
        Arguments.of(
            LDAP,
            Route.DIRECT,
            Cause.DC_UNREACHABLE,
            Phase.CONNECT,
            Cause.DC_UNREACHABLE,
            "(TCP 389) from the provisioning network to the domain controller dc1.corp.example"),
        Arguments.of(
            MANAGE,
            PROXY,
            Cause.PROXY_UPSTREAM_FAILED,
            Phase.PROXY_TUNNEL,
            Cause.PROXY_UPSTREAM_FAILED,
            "Let the proxy proxy.corp:3128 reach *.manage.microsoft.com itself"),
        Arguments.of(
            LDAP,
            Route.DIRECT,
            Cause.DNS_NXDOMAIN,
            Phase.RESOLVE,
            Cause.DNS_NXDOMAIN,
            "dc1.corp.example"),
        Arguments.of(
            LOCATOR,
            Route.DIRECT,
            Cause.DC_NOT_FOUND,
            Phase.RESOLVE,
            Cause.DC_NOT_FOUND,
            "answer _ldap._tcp.dc._msdcs.corp.example with"));
  }

  @ParameterizedTest(name = "{2} on {0} -> {4}")
  @MethodSource("causes")
  void eachCauseBecomesAFailWithItsRemedy(
      Endpoint endpoint, Route route, Cause cause, Phase phase, Cause reported, String remedy) {
    EndpointResult result = ProbeJudge.judge(failed(endpoint, route, cause, phase));
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.cause()).isEqualTo(reported);
    assertThat(result.detail()).startsWith("Observed " + cause);
    assertThat(result.remedy()).contains(remedy);
    assertThat(result.route()).isEqualTo(route.toString());
    assertThat(result.timings().dnsMs()).isEqualTo(3L);
    assertThat(result.timings().connectMs()).isNull();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      value = Cause.class,
      mode = org.junit.jupiter.params.provider.EnumSource.Mode.MATCH_NONE,
      names = "POLICY_.*")
  void everyCheckCauseKeepsItsCodeAndGetsASentenceRemedy(Cause cause) {
    EndpointResult result = ProbeJudge.judge(failed(MANAGE, PROXY, cause, Phase.CONNECT));
    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.cause()).isEqualTo(cause);
    assertThat(result.detail()).endsWith(".");
    assertThat(result.remedy()).isNotBlank().endsWith(".").doesNotContain("null");
  }

  @Test
  void aWarningFailureIsWarn() {
    ProbeResult v6 =
        new ProbeResult(
            new ProbeTarget(MANAGE, Route.DIRECT),
            ProbeFailure.warn(Cause.TCP_TIMEOUT, Phase.CONNECT, "IPv6 timed out; IPv4 worked."),
            Map.of(),
            Map.of());
    EndpointResult result = ProbeJudge.judge(v6);
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.cause()).isEqualTo(Cause.TCP_TIMEOUT);
  }

  @Test
  void anIpv6OnlyNameBehindAProxyIsAWarningWithNothingToChangeForAutopilot() {
    ProbeResult v6 =
        new ProbeResult(
            new ProbeTarget(MANAGE, PROXY),
            ProbeFailure.warn(
                Cause.PROXY_UPSTREAM_FAILED, Phase.PROXY_TUNNEL, "Only IPv6 addresses."),
            Map.of(),
            Map.of());
    EndpointResult result = ProbeJudge.judge(v6);
    assertThat(result.status()).isEqualTo(Status.WARN);
    assertThat(result.remedy())
        .isEqualTo(
            "Nothing to change for Autopilot; only for devices to reach IPv6-only names through"
                + " the proxy proxy.corp:3128 does it need an IPv6 route.");
    assertThat(Consequences.of(result)).isEqualTo(Verdict.READY);
  }

  @Test
  void interceptionRemedyNamesTheProduct() {
    ProbeResult zscaler =
        new ProbeResult(
            new ProbeTarget(MANAGE, Route.DIRECT),
            ProbeFailure.fail(Cause.TLS_INTERCEPTED, Phase.TLS_HANDSHAKE, "Issued by Zscaler."),
            Map.of(),
            Map.of(
                Fact.TLS_ISSUER, "CN=Zscaler Intermediate Root CA (zscaler.net), O=Zscaler Inc.",
                Fact.TLS_ROOT, "CN=Zscaler Root CA",
                Fact.PRODUCT, "Zscaler"));
    EndpointResult result = ProbeJudge.judge(zscaler);
    assertThat(result.remedy())
        .isEqualTo(
            "Exempt *.manage.microsoft.com from TLS inspection on the Zscaler inspection policy;"
                + " Microsoft does not support inspecting it.");
    assertThat(result.tls()).isNotNull();
    assertThat(result.tls().root()).isEqualTo("CN=Zscaler Root CA");
  }

  @Test
  void passCarriesRouteAddressesTimingsAndTls() {
    Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    phases.put(Phase.RESOLVE, Duration.ofMillis(3));
    phases.put(Phase.CONNECT, Duration.ofMillis(20));
    phases.put(Phase.PROXY_TUNNEL, Duration.ofMillis(5));
    phases.put(Phase.TLS_HANDSHAKE, Duration.ofMillis(41));
    phases.put(Phase.REQUEST, Duration.ofMillis(1));
    phases.put(Phase.RESPONSE, Duration.ofMillis(59));
    ProbeResult ok =
        new ProbeResult(
            new ProbeTarget(MANAGE, PROXY),
            null,
            phases,
            Map.of(
                Fact.ADDRESSES, "203.0.113.7, 2001:db8::7",
                Fact.TLS_PROTOCOL, "TLSv1.3",
                Fact.HTTP_STATUS, "403"));
    EndpointResult result = ProbeJudge.judge(ok);
    assertThat(result.status()).isEqualTo(Status.PASS);
    assertThat(result.cause()).isNull();
    assertThat(result.remedy()).isNull();
    assertThat(result.detail()).isEqualTo("The origin answered HTTP 403 (PROXY proxy.corp:3128).");
    assertThat(result.route()).isEqualTo("PROXY proxy.corp:3128");
    assertThat(result.addresses()).containsExactly("203.0.113.7", "2001:db8::7");
    assertThat(result.timings()).isEqualTo(new Timings(3L, 25L, 41L, 60L, 129L));
    assertThat(result.tls()).isEqualTo(new TlsFacts("TLSv1.3", null, null, null));
  }

  @Test
  void ntpOffsetIsPassedOnForTheClockJudge() {
    // However far off, the probe's answer passes here: the clock judge decides CLOCK_SKEW.
    EndpointResult result = ProbeJudge.judge(ntp("-420000"));
    assertThat(result.status()).isEqualTo(Status.PASS);
  }

  @Test
  void blockedRemedyNamesTheProductTheProxyAnswerShowed() {
    ProbeResult blocked =
        new ProbeResult(
            new ProbeTarget(MANAGE, PROXY),
            ProbeFailure.fail(Cause.HTTP_BLOCKED, Phase.PROXY_TUNNEL, "Refused."),
            Map.of(),
            Map.of(Fact.PRODUCT, "Forcepoint"));
    assertThat(ProbeJudge.judge(blocked).remedy())
        .isEqualTo("Allow *.manage.microsoft.com on proxy.corp:3128 (Forcepoint).");
  }

  @Test
  void hostileTextIsFlattenedAndBounded() {
    String hostile = "evil\u001b[31mred\r\nInjected: header\u202e" + "x".repeat(10_000);
    ProbeResult result =
        new ProbeResult(
            new ProbeTarget(MANAGE, Route.DIRECT),
            ProbeFailure.fail(Cause.HTTP_BLOCKED, Phase.RESPONSE, hostile),
            Map.of(),
            Map.of(Fact.TLS_ISSUER, hostile));
    EndpointResult judged = ProbeJudge.judge(result);
    assertThat(judged.detail())
        .doesNotContain("\u001b", "\r", "\n", "\u202e")
        .hasSizeLessThanOrEqualTo(Sentences.MAX_LENGTH + 30)
        .endsWith(" more bytes)");
    assertThat(judged.detail()).startsWith("evil\\x1b[31mred Injected: header\\u202exxx");
    assertThat(judged.tls().issuer()).hasSizeLessThanOrEqualTo(Sentences.MAX_LENGTH + 30);
  }

  private static ProbeResult ntp(@Nullable String offsetMs) {
    return new ProbeResult(
        new ProbeTarget(TIME, Route.DIRECT),
        null,
        Map.of(Phase.NTP_EXCHANGE, Duration.ofMillis(12)),
        offsetMs == null ? Map.of() : Map.of(Fact.NTP_OFFSET_MS, offsetMs));
  }

  @Test
  void aProbeThatDoesNotApplyIsSkippedWithItsReason() {
    Endpoint ipv6 = entry("ncsi-web-ipv6", "ipv6.example.test", Protocol.HTTP, 80, Impact.DEGRADED);
    ProbeResult result =
        new ProbeResult(
            new ProbeTarget(ipv6, Route.DIRECT),
            null,
            Map.of(Phase.RESOLVE, Duration.ofMillis(2)),
            Map.of(Fact.NOT_APPLICABLE, "ipv6.example.test has only IPv6 addresses"));
    EndpointResult judged = ProbeJudge.judge(result);
    assertThat(judged.status()).isEqualTo(Status.SKIP);
    assertThat(judged.cause()).isNull();
    assertThat(judged.detail()).isEqualTo("ipv6.example.test has only IPv6 addresses.");
    assertThat(judged.timings().dnsMs()).isEqualTo(2L);
  }

  @Test
  void anAliasNamesItsCnameChainInTheDetailWhetherItPassesOrFails() {
    Map<Fact, String> facts =
        Map.of(Fact.CNAME_CHAIN, "a.example.test → b.example.test → c.example.test");
    ProbeTarget target = new ProbeTarget(MANAGE, Route.DIRECT);
    EndpointResult passed =
        ProbeJudge.judge(
            new ProbeResult(target, null, Map.of(Phase.RESOLVE, Duration.ZERO), facts));
    EndpointResult dropped =
        ProbeJudge.judge(
            new ProbeResult(
                target,
                ProbeFailure.fail(Cause.TCP_TIMEOUT, Phase.CONNECT, "no answer from c (dropped)"),
                Map.of(Phase.CONNECT, Duration.ZERO),
                facts));
    assertThat(passed.detail())
        .isEqualTo(
            "The origin answered (DIRECT). CNAME chain: a.example.test → b.example.test →"
                + " c.example.test.");
    assertThat(dropped.detail())
        .isEqualTo(
            "No answer from c (dropped). CNAME chain: a.example.test → b.example.test →"
                + " c.example.test.");
  }
}
