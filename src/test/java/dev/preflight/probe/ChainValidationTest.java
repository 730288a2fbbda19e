package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.HOST;
import static dev.preflight.probe.LoopbackFixture.ROOT;
import static dev.preflight.probe.LoopbackFixture.assertFailure;
import static dev.preflight.probe.LoopbackFixture.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Protocol;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.TestCertificates.Authority;
import dev.preflight.testing.TestCertificates.Identity;
import dev.preflight.testing.TestCertificates.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chains that reach a trusted root but that the JDK's PKIX validator rejects, each minted for the
 * case and served by an in-process TLS server; the test root stands in for a {@code --ca-file}
 * root.
 */
@Timeout(30)
class ChainValidationTest {
  private static final Instant NOW = Instant.now();

  private final LoopbackFixture fixture = new LoopbackFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private ProbeResult probe(Identity identity) {
    HttpTestServer server =
        fixture.closeLater(HttpTestServer.tls(identity, HttpTestServer.answer(404, "")));
    return Probes.forProtocol(Protocol.HTTPS)
        .run(
            new ProbeTarget(
                LoopbackFixture.endpoint(
                    Protocol.HTTPS, server.port(), List.of(), Expectation.NONE),
                Route.DIRECT),
            fixture.context(Duration.ofSeconds(5)));
  }

  @Test
  void leafSignedByACertificateThatIsNotACaIsUntrusted() {
    // CA:FALSE, though its key usage would allow signing: only the basic constraints are wrong.
    Profile notACaProfile =
        Profile.leaf().withKeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign);
    Authority notACa =
        ROOT.issue("CN=signer.example.test", notACaProfile, "signer.example.test").asAuthority();
    ProbeResult result = probe(notACa.leaf(HOST));
    assertFailure(result, Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message())
        .contains("CN=signer.example.test signs CN=" + HOST, "is not a CA");
  }

  @Test
  void caBelowAPathLengthOfZeroIsUntrusted() {
    Authority limited =
        ROOT.issue("CN=Limited CA", Profile.authority().withPathLength(0)).asAuthority();
    Authority below = limited.issue("CN=Sub CA", Profile.authority()).asAuthority();
    ProbeResult result = probe(below.leaf(HOST));
    assertFailure(result, Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).contains("path length");
  }

  @Test
  void caWhoseKeyMayNotSignCertificatesIsUntrusted() {
    Authority noCertSign =
        ROOT.issue("CN=No Signing CA", Profile.authority().withKeyUsage(KeyUsage.digitalSignature))
            .asAuthority();
    ProbeResult result = probe(noCertSign.leaf(HOST));
    assertFailure(result, Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message())
        .contains("CN=No Signing CA", "key usage does not allow signing certificates");
  }

  @Test
  void leafForClientsOnlyIsUntrusted() {
    Profile clientOnly = Profile.leaf().withExtendedUsages(KeyPurposeId.id_kp_clientAuth);
    ProbeResult result = probe(ROOT.issue("CN=" + HOST, clientOnly, HOST));
    assertFailure(result, Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).contains("lacks serverAuth");
  }

  @Test
  void leafForTlsServersPasses() {
    Profile server =
        Profile.leaf()
            .withExtendedUsages(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
    assertPassed(probe(ROOT.issue("CN=" + HOST, server, HOST)));
  }

  @Test
  void expiredIntermediateIsExpired() {
    Profile expired =
        Profile.authority()
            .validBetween(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(10)));
    Authority old = ROOT.issue("CN=Retired Issuing CA", expired).asAuthority();
    ProbeResult result = probe(old.leaf(HOST));
    assertFailure(result, Cause.TLS_EXPIRED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).startsWith("CN=Retired Issuing CA expired on ");
  }

  @Test
  void leafNotYetValidIsExpired() {
    Identity future = ROOT.leaf(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(200)), HOST);
    ProbeResult result = probe(future);
    assertFailure(result, Cause.TLS_EXPIRED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message()).startsWith("CN=" + HOST + " is not valid before ");
  }

  @Test
  void intermediateNotSentIsAnIncompleteChain() {
    Authority issuing = ROOT.intermediate("CN=Unsent Issuing CA");
    ProbeResult result = probe(issuing.leaf(HOST).truncated(1));
    assertFailure(result, Cause.TLS_UNTRUSTED, Phase.TLS_HANDSHAKE);
    assertThat(result.failure().message())
        .contains("incomplete", "CN=Unsent Issuing CA was not sent");
  }
}
