package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.IpAddress;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.DnsTestServer.Forgery;
import dev.preflight.testing.DnsTestServer.Mode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StubResolverTest {
  private final DnsTestServer dns = new DnsTestServer();
  private final Resolver resolver = new StubResolver(List.of(dns.address()));

  @AfterEach
  void close() {
    dns.close();
  }

  private DnsAnswer ask(String name, RecordType type) throws IOException {
    return resolver.query(name, type, Duration.ofSeconds(3));
  }

  @Test
  void aDeadFirstNameserverCostsOneSecondNotTheBudget() throws IOException {
    try (DnsTestServer dead =
            new DnsTestServer().mode("www.example.test", DnsTestServer.Mode.SILENT);
        DnsTestServer alive = new DnsTestServer().answer("www.example.test", "198.18.0.44")) {
      Resolver twoServers = new StubResolver(List.of(dead.address(), alive.address()));
      long start = System.nanoTime();
      DnsAnswer answer = twoServers.query("www.example.test", RecordType.A, Duration.ofSeconds(4));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(answer.addresses()).extracting(IpAddress::text).containsExactly("198.18.0.44");
      assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_500));
      assertThat(twoServers.servers()).hasSize(2);
      assertThat(dead.queries("www.example.test", "A")).isEqualTo(1);
      assertThat(alive.queries("www.example.test", "A")).isEqualTo(1);
    }
  }

  @Test
  void soaAndSrvAnswersAreCounted() throws IOException {
    dns.soa("zone.example.test").srv("_ldap._tcp.example.test", "dc.example.test:389");
    assertThat(ask("zone.example.test", RecordType.SOA).records()).isEqualTo(1);
    assertThat(ask("_ldap._tcp.example.test", RecordType.SRV).services())
        .containsExactly(new ServiceRecord("dc.example.test", 389, 0, 100));
  }

  @Test
  void forgedRepliesAreDiscardedAndTheGenuineNxdomainFollowingThemWins() throws IOException {
    dns.mode("gone.example.test", Mode.NXDOMAIN).forge("gone.example.test", Forgery.values());
    DnsAnswer answer = ask("gone.example.test", RecordType.A);
    assertThat(answer.rcode()).isEqualTo(DnsAnswer.Rcode.NXDOMAIN);
    assertThat(answer.addresses()).isEmpty();
  }

  @Test
  void aForgedAddressNeverReplacesTheGenuineOne() throws IOException {
    dns.answer("login.example.test", "198.18.0.7").forge("login.example.test", Forgery.values());
    assertThat(ask("login.example.test", RecordType.A).addresses())
        .extracting(IpAddress::text)
        .containsExactly("198.18.0.7");
  }

  @Test
  void onlyForgeriesEndInATimeoutThatCountsTheDiscardedReplies() {
    // One query within the budget, so each forgery arrives once; the one from another port never
    // reaches the connected socket at all.
    dns.mode("quiet.example.test", Mode.SILENT);
    dns.forge("quiet.example.test", Forgery.values());
    assertThatThrownBy(
            () -> resolver.query("quiet.example.test", RecordType.A, Duration.ofMillis(800)))
        .isInstanceOfSatisfying(
            DnsTimeoutException.class, e -> assertThat(e.discarded()).isEqualTo(3));
  }

  @Test
  void aTruncatedAnswerIsAskedAgainOverTcp() throws IOException {
    dns.answer("big.example.test", "198.18.0.8", "198.18.0.9").truncate("big.example.test");
    assertThat(ask("big.example.test", RecordType.A).addresses())
        .extracting(IpAddress::text)
        .containsExactly("198.18.0.8", "198.18.0.9");
    assertThat(dns.queries("big.example.test", "A")).isEqualTo(2);
    assertThat(resolver.queriesSent()).containsEntry("big.example.test", 2);
  }

  @Test
  void aLostQueryIsResentOnceAndCounted() throws IOException {
    dns.answer("busy.example.test", Mode.DROP_FIRST, "198.18.0.9");
    assertThat(ask("busy.example.test", RecordType.A).addresses()).hasSize(1);
    assertThat(dns.queries("busy.example.test", "A")).isEqualTo(2);
    assertThat(resolver.queriesSent()).containsEntry("busy.example.test", 2);
  }

  @Test
  void aCnameChainIsReportedWithTheTargetsAddresses() throws IOException {
    dns.cname("www.example.test", "edge.example.test")
        .cname("edge.example.test", "node.cdn.example.test")
        .answer("node.cdn.example.test", "198.18.0.10");
    DnsAnswer answer = ask("www.example.test", RecordType.A);
    assertThat(answer.chain())
        .containsExactly("www.example.test", "edge.example.test", "node.cdn.example.test");
    assertThat(answer.addresses()).extracting(IpAddress::text).containsExactly("198.18.0.10");
    assertThat(answer.target()).isEqualTo("node.cdn.example.test");
  }

  @Test
  void aChainToAMissingNameIsNxdomainOfThatName() throws IOException {
    dns.cname("www.example.test", "edge.example.test")
        .cname("edge.example.test", "missing.example.test");
    DnsAnswer answer = ask("www.example.test", RecordType.A);
    assertThat(answer.rcode()).isEqualTo(DnsAnswer.Rcode.NXDOMAIN);
    assertThat(answer.target()).isEqualTo("missing.example.test");
  }

  @Test
  void aBareAliasIsFollowedWithAQuestionForItsTarget() throws IOException {
    dns.bareCname("www.example.test", "missing.example.test");
    DnsAnswer answer = ask("www.example.test", RecordType.A);
    assertThat(answer.rcode()).isEqualTo(DnsAnswer.Rcode.NXDOMAIN);
    assertThat(answer.chain()).containsExactly("www.example.test", "missing.example.test");
    assertThat(dns.queries("missing.example.test", "A")).isEqualTo(1);
  }

  @Test
  void aBareAliasToAnExistingTargetResolves() throws IOException {
    dns.bareCname("www.example.test", "node.example.test")
        .answer("node.example.test", "198.18.0.5");
    assertThat(ask("www.example.test", RecordType.A).addresses())
        .extracting(IpAddress::text)
        .containsExactly("198.18.0.5");
  }

  @Test
  void aCnameLoopHasNoUsableAnswer() throws IOException {
    dns.cname("a.example.test", "b.example.test").cname("b.example.test", "a.example.test");
    dns.bareCname("c.example.test", "d.example.test").bareCname("d.example.test", "c.example.test");
    assertThat(ask("a.example.test", RecordType.A).rcode()).isEqualTo(DnsAnswer.Rcode.SERVFAIL);
    assertThat(ask("c.example.test", RecordType.A).rcode()).isEqualTo(DnsAnswer.Rcode.SERVFAIL);
    assertThat(dns.queries("c.example.test", "A") + dns.queries("d.example.test", "A"))
        .isLessThanOrEqualTo(1 + StubResolver.MAX_FOLLOW_UPS);
  }

  @Test
  void aClosedDnsPortIsARefusalNotATimeout() throws IOException {
    InetSocketAddress closed;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }
    Resolver nobody = new StubResolver(List.of(closed));
    assertThatThrownBy(() -> nobody.query("x.example.test", RecordType.A, Duration.ofSeconds(20)))
        .isInstanceOf(PortUnreachableException.class);
  }

  @Test
  void noTimeLeftIsATimeoutWithoutAsking() {
    assertThatThrownBy(() -> resolver.query("x.example.test", RecordType.A, Duration.ZERO))
        .isInstanceOf(java.net.SocketTimeoutException.class);
    assertThat(dns.queries("x.example.test", "A")).isZero();
  }
}
