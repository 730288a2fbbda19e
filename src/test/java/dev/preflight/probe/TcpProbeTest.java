package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.common.IpAddress;
import dev.preflight.probe.net.Connector;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.LoopbackConnector;
import dev.preflight.testing.LoopbackServer;
import dev.preflight.testing.TestEndpoints;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TcpProbeTest {
  private static final String HOST = "tcp.example.test";
  private final DnsTestServer dns = new DnsTestServer().answer(HOST, "198.18.0.10");
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    dns.close();
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private ProbeContext context(Duration timeout) {
    return ProbeContext.system(timeout, List.of(), dns.address())
        .withConnector(new LoopbackConnector());
  }

  private ProbeResult probe(Protocol protocol, int port, ProbeContext context) {
    return Probes.forProtocol(protocol)
        .run(new ProbeTarget(TestEndpoints.of(HOST, protocol, port), Route.DIRECT), context);
  }

  @Test
  void acceptedConnectionPassesAndRecordsAddressAndFamily() {
    LoopbackServer server = LoopbackServer.start(socket -> {});
    closing.add(server);
    ProbeResult result = probe(Protocol.TCP, server.port(), context(Duration.ofSeconds(2)));
    assertThat(result.failure()).isNull();
    assertThat(result.fact(Fact.ADDRESSES)).contains("198.18.0.10");
    assertThat(result.fact(Fact.ADDRESS_FAMILY)).contains("IPv4");
    assertThat(result.timings()).containsKeys(Phase.RESOLVE, Phase.CONNECT);
  }

  @Test
  void closedPortIsTcpRefused() throws IOException {
    ProbeResult result = probe(Protocol.TCP, closedPort(), context(Duration.ofSeconds(2)));
    assertFailure(result, Cause.TCP_REFUSED, Phase.CONNECT);
  }

  @Test
  void droppedSynIsTcpTimeout() throws IOException {
    int port = fullBacklogPort();
    ProbeResult result = probe(Protocol.TCP, port, context(Duration.ofMillis(500)));
    assertFailure(result, Cause.TCP_TIMEOUT, Phase.CONNECT);
    assertThat(result.total()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void noRouteIsTcpUnreachable() {
    LoopbackServer server = LoopbackServer.start(socket -> {});
    closing.add(server);
    // An IPv6 socket bound to ::1 has no route to the IPv4 world, not even to 127.0.0.1:
    // the kernel answers ENETUNREACH at once and nothing is sent.
    ProbeContext context =
        context(Duration.ofSeconds(2)).withConnector(Connector.boundTo(IpAddress.parse("::1")));
    ProbeResult result =
        Probes.forProtocol(Protocol.TCP)
            .run(
                new ProbeTarget(
                    TestEndpoints.of("127.0.0.1", Protocol.TCP, server.port()), Route.DIRECT),
                context);
    assertFailure(result, Cause.TCP_UNREACHABLE, Phase.CONNECT);
  }

  @Test
  void ldapAndKerberosFailuresAreDcUnreachable() throws IOException {
    int port = closedPort();
    assertFailure(
        probe(Protocol.LDAP, port, context(Duration.ofSeconds(2))),
        Cause.DC_UNREACHABLE,
        Phase.CONNECT);
    assertFailure(
        probe(Protocol.KERBEROS, port, context(Duration.ofSeconds(2))),
        Cause.DC_UNREACHABLE,
        Phase.CONNECT);
  }

  @Test
  void ipv6OnlyFailureIsAWarning() {
    dns.answer(HOST, "198.18.0.10", "2001:db8::10");
    LoopbackServer server = LoopbackServer.start(socket -> {}); // listens on 127.0.0.1 only
    closing.add(server);
    ProbeResult result = probe(Protocol.TCP, server.port(), context(Duration.ofSeconds(2)));
    assertThat(result.failure()).isNotNull();
    assertThat(result.failure().warning()).isTrue();
    assertThat(result.failure().cause()).isEqualTo(Cause.TCP_REFUSED);
    assertThat(result.failure().phase()).isEqualTo(Phase.CONNECT);
    assertThat(result.failure().message()).contains("IPv6");
  }

  static void assertFailure(ProbeResult result, Cause cause, Phase phase) {
    assertThat(result.failure()).as("failure of %s", result).isNotNull();
    assertThat(result.failure().cause()).as(result.failure().message()).isEqualTo(cause);
    assertThat(result.failure().phase()).as(result.failure().message()).isEqualTo(phase);
    assertThat(result.failure().warning()).isFalse();
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * A listener that never accepts, with its accept queue filled: Linux then drops further SYNs
   * (tcp_abort_on_overflow is 0), exactly like a firewall that drops them.
   */
  private int fullBacklogPort() throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    closing.add(listener);
    for (int i = 0; i < 10; i++) {
      Socket filler = new Socket();
      closing.add(filler);
      try {
        filler.connect(listener.getLocalSocketAddress(), 300);
      } catch (SocketTimeoutException e) {
        return listener.getLocalPort();
      }
    }
    throw new IllegalStateException("the accept queue never filled");
  }

  @Test
  void ipv6OnlyHostIsProbedOverIpv6() throws IOException {
    dns.answer(HOST, "2001:db8::10");
    ServerSocket v6 = new ServerSocket();
    v6.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
    closing.add(v6);
    ProbeResult result = probe(Protocol.TCP, v6.getLocalPort(), context(Duration.ofSeconds(2)));
    assertThat(result.failure()).isNull();
    assertThat(result.fact(Fact.ADDRESSES)).contains("2001:db8::10");
    assertThat(result.fact(Fact.ADDRESS_FAMILY)).contains("IPv6");
  }

  @Test
  void bothFamiliesWorkingPassWithoutWarning() throws IOException {
    dns.answer(HOST, "198.18.0.10", "2001:db8::10");
    LoopbackServer v4 = LoopbackServer.start(socket -> {});
    closing.add(v4);
    ServerSocket v6 = new ServerSocket();
    v6.bind(new InetSocketAddress(InetAddress.getByName("::1"), v4.port()));
    closing.add(v6);
    ProbeResult result = probe(Protocol.TCP, v4.port(), context(Duration.ofSeconds(2)));
    assertThat(result.failure()).isNull();
    assertThat(result.fact(Fact.ADDRESS_FAMILY)).contains("IPv4");
  }

  @Test
  void noIpv6CheckWithoutAnIpv6Route() {
    dns.answer(HOST, "198.18.0.10", "2001:db8::10");
    LoopbackServer server = LoopbackServer.start(socket -> {}); // ::1 would refuse
    closing.add(server);
    Connector v4Only =
        new LoopbackConnector() {
          @Override
          public boolean routes(IpAddress address) {
            return address.family() == IpAddress.Family.IPV4;
          }
        };
    ProbeResult result =
        probe(Protocol.TCP, server.port(), context(Duration.ofSeconds(2)).withConnector(v4Only));
    assertThat(result.failure()).isNull();
  }

  @Test
  void ipv6OnlyNameWithoutAnIpv6RouteDoesNotApply() {
    dns.answer(HOST, "2001:db8::10");
    // A socket bound to an IPv4 address has no route to any IPv6 address: the routing table says
    // so without a packet being sent.
    ProbeContext v4Only =
        context(Duration.ofSeconds(2))
            .withConnector(Connector.boundTo(IpAddress.parse("127.0.0.1")));
    ProbeResult result = probe(Protocol.TCP, 443, v4Only);
    assertThat(result.failure()).isNull();
    assertThat(result.fact(Fact.NOT_APPLICABLE).orElseThrow())
        .contains("only IPv6 addresses", "no IPv6 route");
    assertThat(result.timings()).containsOnlyKeys(Phase.RESOLVE);
  }

  @Test
  void routeCheckAsksTheRoutingTableOnly() {
    // An IPv6 socket bound to ::1 has no route to IPv4 (see noRouteIsTcpUnreachable).
    assertThat(Connector.boundTo(IpAddress.parse("::1")).routes(IpAddress.parse("127.0.0.1")))
        .isFalse();
    assertThat(Connector.system().routes(IpAddress.parse("::1"))).isTrue();
  }

  @Test
  void failedConnectStillRecordsTheAddressTried() throws IOException {
    ProbeResult result = probe(Protocol.TCP, closedPort(), context(Duration.ofSeconds(2)));
    assertFailure(result, Cause.TCP_REFUSED, Phase.CONNECT);
    assertThat(result.fact(Fact.ADDRESSES)).contains("198.18.0.10");
  }
}
