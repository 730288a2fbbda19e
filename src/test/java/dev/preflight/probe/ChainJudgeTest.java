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
  void inspectionProductsAreRecognisedByName() {
    assertThat(InspectionProducts.match(List.of("CN=FortiGate CA,O=Fortinet")))
        .contains("Fortinet FortiGate");
    assertThat(InspectionProducts.match(List.of("O=Palo Alto Networks,CN=Forward Trust")))
        .contains("Palo Alto Networks");
    assertThat(InspectionProducts.match(List.of("CN=caNetskope Certificate Authority")))
        .contains("Netskope");
    assertThat(InspectionProducts.match(List.of("CN=Cisco Umbrella Primary SubCA")))
        .contains("Cisco Umbrella");
    assertThat(InspectionProducts.match(List.of("CN=DigiCert Global Root G2"))).isEmpty();
  }
}
