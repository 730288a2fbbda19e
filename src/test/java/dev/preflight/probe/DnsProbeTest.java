package dev.preflight.probe;

import static dev.preflight.probe.TcpProbeTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.net.ServiceRecord;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.DnsTestServer.Mode;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsProbeTest {
  private final DnsTestServer dns = new DnsTestServer();

  @AfterEach
  void close() {
    dns.close();
  }

  private ProbeResult probe(String host, Expectation expect) {
    return probe(host, expect, Duration.ofSeconds(3));
  }

  private ProbeResult probe(String host, Expectation expect, Duration timeout) {
    ProbeContext context = ProbeContext.system(timeout, List.of(), dns.address());
    return Probes.forProtocol(Protocol.DNS)
        .run(
            new ProbeTarget(
                TestEndpoints.of(host, Protocol.DNS, 53, List.of(), expect), Route.DIRECT),
            context);
  }

  @Test
  void resolvedNamePassesWithItsAddresses() {
    dns.answer("login.example.test", "198.18.0.1", "2001:db8::1");
    ProbeResult result = probe("login.example.test", Expectation.NONE);
    assertThat(result.failure()).isNull();
    assertThat(result.fact(Fact.ADDRESSES)).contains("198.18.0.1,2001:db8::1");
    assertThat(result.timings()).containsKey(Phase.RESOLVE);
  }

  @Test
  void unknownNameIsNxdomain() {
    assertFailure(
        probe("missing.example.test", Expectation.NONE), Cause.DNS_NXDOMAIN, Phase.RESOLVE);
  }

  @Test
  void emptyAnswerIsNoAnswer() {
    dns.mode("empty.example.test", Mode.EMPTY);
    assertFailure(
        probe("empty.example.test", Expectation.NONE), Cause.DNS_NO_ANSWER, Phase.RESOLVE);
  }

  @Test
  void servfailIsServfail() {
    dns.mode("broken.example.test", Mode.SERVFAIL);
    assertFailure(
        probe("broken.example.test", Expectation.NONE), Cause.DNS_SERVFAIL, Phase.RESOLVE);
  }

  @Test
  void refusedIsServfail() {
    dns.mode("refused.example.test", Mode.REFUSED);
    assertFailure(
        probe("refused.example.test", Expectation.NONE), Cause.DNS_SERVFAIL, Phase.RESOLVE);
  }

  @Test
  void silentServerIsDnsTimeout() {
    dns.mode("silent.example.test", Mode.SILENT);
    ProbeResult result = probe("silent.example.test", Expectation.NONE, Duration.ofMillis(800));
    assertFailure(result, Cause.DNS_TIMEOUT, Phase.RESOLVE);
    assertThat(result.total()).isLessThan(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "127.1.2.3", "169.254.1.1", "::", "::1"})
  void sinkholeAnswersAreSinkhole(String address) {
    dns.answer("filtered.example.test", address);
    assertFailure(
        probe("filtered.example.test", Expectation.NONE), Cause.DNS_SINKHOLE, Phase.RESOLVE);
  }

  @Test
  void ncsiNameMustResolveToTheExpectedAddress() {
    Expectation ncsi = new Expectation(null, null, "131.107.255.255", false);
    dns.answer("dns.msftncsi.com", "131.107.255.255");
    assertThat(probe("dns.msftncsi.com", ncsi).failure()).isNull();
    dns.answer("dns.msftncsi.com", "198.18.7.7");
    ProbeResult redirected = probe("dns.msftncsi.com", ncsi);
    assertFailure(redirected, Cause.DNS_SINKHOLE, Phase.RESOLVE);
    assertThat(redirected.failure().message()).contains("198.18.7.7", "131.107.255.255");
  }

  @Test
  void zoneWithSoaPassesAndMissingZoneIsNxdomain() {
    Expectation zone = new Expectation(null, null, null, true);
    dns.soa("manage.example.test");
    assertThat(probe("manage.example.test", zone).failure()).isNull();
    assertFailure(probe("gone.example.test", zone), Cause.DNS_NXDOMAIN, Phase.RESOLVE);
  }

  @Test
  void anHttpsWildcardWithOnlyAZoneCheckIsProbedThroughDns() {
    Expectation zone = new Expectation(null, null, null, true);
    dns.soa("attest.example.test");
    ProbeContext context = ProbeContext.system(Duration.ofSeconds(3), List.of(), dns.address());
    ProbeResult found =
        Probes.run(
            new ProbeTarget(
                TestEndpoints.of("attest.example.test", Protocol.HTTPS, 443, List.of(), zone),
                Route.DIRECT),
            context);
    ProbeResult missing =
        Probes.run(
            new ProbeTarget(
                TestEndpoints.of("gone.example.test", Protocol.HTTPS, 443, List.of(), zone),
                Route.DIRECT),
            context);
    assertThat(found.failure()).isNull();
    assertThat(found.timings()).containsOnlyKeys(Phase.RESOLVE);
    assertFailure(missing, Cause.DNS_NXDOMAIN, Phase.RESOLVE);
  }

  @Test
  void domainControllersComeFromTheSrvRecord() {
    String name = DomainControllers.srvName("corp.example.test");
    dns.srv(name, "dc1.corp.example.test:389", "dc2.corp.example.test:389");
    DomainControllers.Discovery found =
        DomainControllers.discover(
            new ProbeTarget(TestEndpoints.of(name, Protocol.DNS, 53), Route.DIRECT),
            ProbeContext.system(Duration.ofSeconds(1), List.of(), dns.address()));
    assertThat(found.result().failure()).isNull();
    assertThat(found.controllers())
        .extracting(ServiceRecord::host)
        .containsExactlyInAnyOrder("dc1.corp.example.test", "dc2.corp.example.test");
    assertThat(found.controllers()).allMatch(c -> c.port() == 389);
  }

  @Test
  void missingSrvRecordIsDcNotFound() {
    assertFailure(
        probe(DomainControllers.srvName("nodc.example.test"), Expectation.NONE),
        Cause.DC_NOT_FOUND,
        Phase.RESOLVE);
  }

  @Test
  void aDroppedQueryIsResentAfterOneSecondLikeAStubResolver() {
    dns.answer("busy.example.test", Mode.DROP_FIRST, "198.18.0.9");
    ProbeContext context = ProbeContext.system(Duration.ofSeconds(3), List.of(), dns.address());
    ProbeResult result =
        Probes.forProtocol(Protocol.DNS)
            .run(
                new ProbeTarget(
                    TestEndpoints.of("busy.example.test", Protocol.DNS, 53), Route.DIRECT),
                context);
    assertThat(result.failure()).isNull();
    assertThat(result.timings().get(Phase.RESOLVE))
        .isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
  }
}
