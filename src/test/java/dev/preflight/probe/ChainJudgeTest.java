package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.TestCertificates;
import dev.preflight.testing.TestCertificates.Authority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules that need a "public" root: here a minted root stands in for one of the JDK's, since no
 * test can hold a real public CA's key.
 */
@org.junit.jupiter.api.Timeout(30)
class ChainJudgeTest {
  private static final String HOST = "login.example.test";
  private static final Authority EXPECTED =
      TestCertificates.root("CN=DigiCert Global Root G2,O=Test");
  private static final Authority OTHER_PUBLIC = TestCertificates.root("CN=Some Public Root,O=Test");

  private final ChainJudge judge =
      new ChainJudge(List.of(EXPECTED.certificate(), OTHER_PUBLIC.certificate()), List.of());

  private ProbeFailure judge(Authority issuer, List<String> roots) {
    return judge.judge(judge.path(issuer.leaf(HOST).chain()), HOST, roots, Instant.now());
  }

  @Test
  void chainToTheRootTheEndpointUsesPasses() {
    assertThat(judge(EXPECTED, List.of("DigiCert Global Root G2"))).isNull();
  }

  @Test
  void anyPublicRootPassesWhenTheEndpointNamesNone() {
    assertThat(judge(OTHER_PUBLIC, List.of())).isNull();
  }

  @Test
  void anotherPublicRootIsInterceptionWhenTheEndpointNamesItsRoots() {
    ProbeFailure failure = judge(OTHER_PUBLIC, List.of("DigiCert Global Root G2"));
    assertThat(failure.cause()).isEqualTo(Cause.TLS_INTERCEPTED);
    assertThat(failure.phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(failure.message()).contains("Some Public Root", "DigiCert Global Root G2");
  }

  @Test
  void expectedRootReachedThroughAnIntermediatePasses() {
    Authority intermediate =
        EXPECTED.intermediate("CN=Microsoft Azure RSA TLS Issuing CA 03,O=Test");
    assertThat(judge(intermediate, List.of("DigiCert Global Root G2"))).isNull();
  }

  @Test
  void interceptionStaysOnTopOfAPathThatIsAlsoInvalid() {
    // A public root the endpoint does not use, reached through a signer that is not a CA: the
    // interception reading decides, not the PKIX reason.
    Authority notACa = OTHER_PUBLIC.leaf("signer.example.test").asAuthority();
    ProbeFailure failure =
        judge.judge(
            judge.path(notACa.leaf(HOST).chain()),
            HOST,
            List.of("DigiCert Global Root G2"),
            Instant.now());
    assertThat(failure.cause()).isEqualTo(Cause.TLS_INTERCEPTED);
  }

  @Test
  void inspectionProductsAreRecognisedByName() {
    assertThat(named("CN=FortiGate CA,O=Fortinet")).contains("Fortinet FortiGate");
    assertThat(named("O=Palo Alto Networks,CN=Forward Trust")).contains("Palo Alto Networks");
    assertThat(named("CN=caNetskope Certificate Authority")).contains("Netskope");
    assertThat(named("CN=Cisco Umbrella Primary SubCA")).contains("Cisco Umbrella");
    assertThat(named("CN=Forcepoint Inspection CA")).contains("Forcepoint");
    assertThat(named("CN=DigiCert Global Root G2")).isEmpty();
  }

  private static java.util.Optional<String> named(String dn) {
    return InspectionProducts.named(List.of(dn)).map(InspectionProducts.Product::name);
  }
}
