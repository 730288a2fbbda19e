package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.HOST;
import static dev.preflight.probe.LoopbackFixture.ROOT;
import static dev.preflight.probe.LoopbackFixture.assertFailure;
import static dev.preflight.probe.LoopbackFixture.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Protocol;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackServer;
import dev.preflight.testing.TestCertificates;
import dev.preflight.testing.TestCertificates.Authority;
import dev.preflight.testing.TestCertificates.Identity;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TlsProbeTest {
  private final LoopbackFixture fixture = new LoopbackFixture();

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private ProbeResult probe(Identity identity, List<String> roots, List<X509Certificate> extra) {
    HttpTestServer server =
        fixture.closeLater(HttpTestServer.tls(identity, HttpTestServer.answer(404, "not here")));
    return Probes.forProtocol(Protocol.HTTPS)
        .run(
            new ProbeTarget(
                LoopbackFixture.endpoint(Protocol.HTTPS, server.port(), roots, Expectation.NONE),
                Route.DIRECT),
            fixture.context(Duration.ofSeconds(3), extra));
  }

  private ProbeResult probe(Identity identity) {
    return probe(identity, List.of(), List.of(ROOT.certificate()));
  }

  @Test
  void trustedChainPassesAndRecordsTlsFacts() {
    ProbeResult result = probe(ROOT.leaf(HOST));
    assertPassed(result);
    assertThat(result.fact(Fact.TLS_PROTOCOL))
        .hasValueSatisfying(p -> assertThat(p).startsWith("TLSv1."));
    assertThat(result.fact(Fact.TLS_ISSUER))
        .hasValueSatisfying(i -> assertThat(i).contains("Preflight Test Root"));
    assertThat(result.fact(Fact.TLS_ROOT))
        .hasValueSatisfying(r -> assertThat(r).contains("Preflight Test Root"));
    assertThat(result.fact(Fact.TLS_NOT_AFTER)).isPresent();
    assertThat(result.fact(Fact.HTTP_STATUS)).contains("404");
    assertThat(fixture.listener.events)
        .containsExactly(
            "start RESOLVE",
            "end RESOLVE",
            "start CONNECT",
            "end CONNECT",
            "start TLS_HANDSHAKE",
            "end TLS_HANDSHAKE",
            "start REQUEST",
            "end REQUEST",
            "start RESPONSE",
            "end RESPONSE",
            "done");
  }

  @Test
  void knownInspectionProductIsInterceptedAndNamed() {
    Authority zscaler =
        TestCertificates.root("CN=Zscaler Root CA,OU=Zscaler Inc.,O=Zscaler Inc.,C=US");
    Authority intermediate =
        zscaler.intermediate("CN=Zscaler Intermediate Root CA (zscaler.net),O=Zscaler Inc.");
    ProbeResult result = probe(intermediate.leaf(HOST));
    assertFailure(result, Cause.TLS_INTERCEPTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message())
        .contains("Zscaler Intermediate Root CA", "Zscaler TLS inspection");
    assertThat(result.fact(Fact.TLS_ROOT))
        .hasValueSatisfying(r -> assertThat(r).contains("Zscaler Root CA"));
    assertThat(fixture.listener.events)
        .endsWith("start TLS_HANDSHAKE", "fail TLS_HANDSHAKE", "done");
  }

  @Test
  void unknownCaMintingThisHostIsIntercepted() {
    Authority corporate = TestCertificates.root("CN=Corp Inspection CA,O=Example Corp");
    ProbeResult result = probe(corporate.leaf(HOST));
    assertFailure(result, Cause.TLS_INTERCEPTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).contains("Corp Inspection CA").doesNotContain("(");
  }

  @Test
  void inspectionRootGivenWithCaFileIsLegitimate() {
    Authority zscaler = TestCertificates.root("CN=Zscaler Root CA,O=Zscaler Inc.");
    ProbeResult result =
        probe(
            zscaler.leaf(HOST), List.of("DigiCert Global Root G2"), List.of(zscaler.certificate()));
    assertPassed(result);
  }

  @Test
  void selfSignedLeafIsUntrusted() {
    assertFailure(
        probe(TestCertificates.selfSigned(HOST)), Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
  }

  @Test
  void incompleteChainIsUntrusted() {
    Authority intermediate = ROOT.intermediate("CN=Preflight Test Issuing CA,O=Preflight Tests");
    ProbeResult result = probe(intermediate.leaf(HOST).truncated(1));
    assertFailure(result, Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).contains("incomplete");
  }

  @Test
  void unknownCaForAnotherNameIsUntrusted() {
    Authority other = TestCertificates.root("CN=Some Lab CA,O=Lab");
    assertFailure(probe(other.leaf("printer.lab.test")), Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
  }

  @Test
  void expiredLeafIsExpired() {
    Instant now = Instant.now();
    Identity expired =
        ROOT.leaf(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)), HOST);
    ProbeResult result = probe(expired);
    assertFailure(result, Cause.TLS_EXPIRED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).contains("expired");
  }

  @Test
  void notYetValidLeafIsExpired() {
    Instant now = Instant.now();
    Identity future = ROOT.leaf(now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(300)), HOST);
    assertFailure(probe(future), Cause.TLS_EXPIRED, Phase.TLS_HANDSHAKE);
  }

  @Test
  void wrongNameIsHostnameMismatch() {
    ProbeResult result = probe(ROOT.leaf("other.example.test", "*.other.example.test"));
    assertFailure(result, Cause.TLS_HOSTNAME_MISMATCH, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).contains("other.example.test", HOST);
  }

  @Test
  void wildcardCoveringTheHostPasses() {
    assertPassed(probe(ROOT.leaf("*.example.test")));
  }

  @Test
  void peerThatIsNotTlsIsHandshakeFailed() {
    LoopbackServer server =
        fixture.closeLater(
            LoopbackServer.start(
                socket -> {
                  socket.getInputStream().read(new byte[512]);
                  socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                }));
    ProbeResult result = run(server.port(), Duration.ofSeconds(2));
    assertFailure(result, Cause.TLS_HANDSHAKE_FAILED, Phase.TLS_HANDSHAKE);
  }

  @Test
  void resetDuringHandshakeIsHandshakeFailed() {
    LoopbackServer server =
        fixture.closeLater(
            LoopbackServer.start(
                socket -> {
                  socket.getInputStream().read(new byte[512]);
                  reset(socket);
                }));
    assertFailure(
        run(server.port(), Duration.ofSeconds(2)), Cause.TLS_HANDSHAKE_FAILED, Phase.TLS_HANDSHAKE);
  }

  @Test
  void peerThatAcceptsAndNeverSpeaksIsTlsTimeout() {
    LoopbackServer server =
        fixture.closeLater(LoopbackServer.start(socket -> Thread.sleep(10_000)));
    ProbeResult result = run(server.port(), Duration.ofMillis(600));
    assertFailure(result, Cause.TLS_TIMEOUT, Phase.TLS_HANDSHAKE);
    assertThat(result.total()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void giantCertificateNamesAreClipped() {
    Authority giant = TestCertificates.root("CN=Giant CA,O=" + "x".repeat(6000));
    ProbeResult result = probe(giant.leaf(HOST));
    assertFailure(result, Cause.TLS_INTERCEPTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message().length()).isLessThan(1000);
    assertThat(result.facts().values()).allMatch(v -> v.length() <= 513);
  }

  private ProbeResult run(int port, Duration timeout) {
    return Probes.forProtocol(Protocol.HTTPS)
        .run(
            new ProbeTarget(LoopbackFixture.endpoint(Protocol.HTTPS, port), Route.DIRECT),
            fixture.context(timeout));
  }

  static void reset(Socket socket) throws java.io.IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Test
  void sinkholedNameFailsInResolveBeforeAnyConnect() {
    fixture.dns.answer(HOST, "0.0.0.0");
    ProbeResult result = run(443, Duration.ofSeconds(2));
    assertFailure(result, Cause.DNS_SINKHOLE, Phase.RESOLVE);
    assertThat(result.timings()).doesNotContainKey(Phase.CONNECT);
  }

  @Test
  void handshakeTrickledByteByByteEndsWithTheDeadline() {
    LoopbackServer server =
        fixture.closeLater(
            LoopbackServer.start(
                socket -> {
                  socket.getInputStream().read(new byte[512]);
                  // A TLS record header announcing a handshake message, then one byte at a time:
                  // each read succeeds within the socket timeout, only the deadline can end it.
                  socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                  for (int i = 0; i < 1_000; i++) {
                    socket.getOutputStream().write(0x02);
                    socket.getOutputStream().flush();
                    Thread.sleep(100);
                  }
                }));
    ProbeResult result = run(server.port(), Duration.ofMillis(800));
    assertFailure(result, Cause.TLS_TIMEOUT, Phase.TLS_HANDSHAKE);
    assertThat(result.total()).isLessThan(Duration.ofMillis(1_500));
  }
}
