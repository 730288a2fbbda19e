package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The curves JSSE and PKIX ask for come from {@link FastCurves} once it is installed, and they
 * agree with the JDK's own: what the JDK signs verifies, what it did not sign does not, and both
 * sides of a key agreement reach the same secret.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FastCurvesTest {
  private static final String JDK = "SunEC";
  private static final byte[] MESSAGE = "ServerKeyExchange".getBytes(StandardCharsets.US_ASCII);

  @BeforeAll
  static void install() {
    FastCurves.install();
  }

  @Test
  void installingAgainKeepsOneProviderInFront() {
    FastCurves.install();
    Provider[] providers = Security.getProviders();
    assertThat(providers[0].getName()).isEqualTo(FastCurves.NAME);
    assertThat(Arrays.stream(providers).filter(p -> p.getName().equals(FastCurves.NAME)))
        .hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "SHA256withECDSA, secp256r1",
    "SHA384withECDSA, secp384r1",
    "SHA1withECDSA, secp256r1"
  })
  void verifiesWhatTheJdkSignedAndNothingElse(String algorithm, String curve)
      throws GeneralSecurityException {
    KeyPair signer = jdkKeys("EC", new ECGenParameterSpec(curve));
    Signature jdk = Signature.getInstance(algorithm, JDK);
    jdk.initSign(signer.getPrivate());
    jdk.update(MESSAGE);
    byte[] signature = jdk.sign();

    assertThat(verifies(algorithm, signer.getPublic(), MESSAGE, signature)).isTrue();
    byte[] altered = MESSAGE.clone();
    altered[0] ^= 1;
    assertThat(verifies(algorithm, signer.getPublic(), altered, signature)).isFalse();
    PublicKey stranger = jdkKeys("EC", new ECGenParameterSpec(curve)).getPublic();
    assertThat(verifies(algorithm, stranger, MESSAGE, signature)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"XDH, XDH, X25519", "XDH, XDH, X448", "EC, ECDH, secp256r1", "EC, ECDH, secp384r1"})
  void reachesTheSameSecretAsTheJdk(String keys, String agreement, String group)
      throws GeneralSecurityException {
    AlgorithmParameterSpec spec =
        keys.equals("EC") ? new ECGenParameterSpec(group) : new NamedParameterSpec(group);
    KeyPairGenerator generator = KeyPairGenerator.getInstance(keys);
    generator.initialize(spec);
    KeyPair ours = generator.generateKeyPair();
    assertThat(generator.getProvider().getName()).isEqualTo(FastCurves.NAME);
    KeyPair theirs = jdkKeys(keys, spec);

    KeyAgreement mine = KeyAgreement.getInstance(agreement);
    mine.init(ours.getPrivate());
    mine.doPhase(theirs.getPublic(), true);
    assertThat(mine.getProvider().getName()).isEqualTo(FastCurves.NAME);
    KeyAgreement jdk = KeyAgreement.getInstance(agreement, JDK);
    jdk.init(theirs.getPrivate());
    jdk.doPhase(ours.getPublic(), true);

    // JSSE asks for the secret under this name, in TLS 1.2 and 1.3 alike.
    byte[] secret = mine.generateSecret("TlsPremasterSecret").getEncoded();
    assertThat(secret).isEqualTo(jdk.generateSecret("TlsPremasterSecret").getEncoded());
  }

  @ParameterizedTest
  @CsvSource({"secp256r1", "secp384r1"})
  void aCurveGivenByTheJdksParametersIsGeneratedAsTheNamedCurve(String curve)
      throws GeneralSecurityException {
    // JSSE hands the key-pair generator the JDK's own curve object, not a name.
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", JDK);
    parameters.init(new ECGenParameterSpec(curve));
    ECParameterSpec jdkCurve = parameters.getParameterSpec(ECParameterSpec.class);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(jdkCurve);
    KeyPair ours = generator.generateKeyPair();

    assertThat(((ECPublicKey) ours.getPublic()).getParams())
        .isInstanceOfSatisfying(
            ECNamedCurveSpec.class, named -> assertThat(named.getName()).isEqualTo(curve));
    KeyAgreement mine = KeyAgreement.getInstance("ECDH");
    mine.init(ours.getPrivate());
    KeyPair theirs = jdkKeys("EC", jdkCurve);
    mine.doPhase(theirs.getPublic(), true);
    assertThat(mine.generateSecret())
        .isEqualTo(jdkSecret("ECDH", theirs.getPrivate(), ours.getPublic()));
  }

  @ParameterizedTest
  @CsvSource({"X25519, 255", "X448, 448"})
  void xdhKeyPairsAreTheJdksKeysWithThePublicKeyOfTheirScalar(String curve, int bits)
      throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
    generator.initialize(bits);
    KeyPair ours = generator.generateKeyPair();

    // A key the JDK made itself, so Bouncy Castle's key object never computes the public key again.
    XECPrivateKey scalar = (XECPrivateKey) ours.getPrivate();
    assertThat(scalar.getClass().getName()).startsWith("sun.security.");
    assertThat(((NamedParameterSpec) scalar.getParams()).getName()).isEqualTo(curve);
    KeyFactory jdk = KeyFactory.getInstance("XDH", JDK);
    KeyPair reference = jdkKeys("XDH", new NamedParameterSpec(curve));
    PrivateKey ourScalar =
        jdk.generatePrivate(
            new XECPrivateKeySpec(scalar.getParams(), scalar.getScalar().orElseThrow()));
    assertThat(jdkSecret("XDH", reference.getPrivate(), ours.getPublic()))
        .isEqualTo(jdkSecret("XDH", ourScalar, reference.getPublic()));
  }

  @Test
  void xdhKeyPairsRefuseWhatIsNotAnXdhCurve() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH", FastCurves.NAME);
    assertThatThrownBy(() -> generator.initialize(new ECGenParameterSpec("secp256r1")))
        .isInstanceOf(InvalidAlgorithmParameterException.class);
    assertThatThrownBy(() -> generator.initialize(256))
        .isInstanceOf(InvalidParameterException.class);
  }

  /** The secret the JDK's own agreement reaches from {@code mine} and the peer's {@code theirs}. */
  private static byte[] jdkSecret(String agreement, PrivateKey mine, PublicKey theirs)
      throws GeneralSecurityException {
    KeyAgreement jdk = KeyAgreement.getInstance(agreement, JDK);
    jdk.init(mine);
    jdk.doPhase(theirs, true);
    return jdk.generateSecret();
  }

  private static boolean verifies(String algorithm, PublicKey key, byte[] message, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    assertThat(verifier.getProvider().getName()).isEqualTo(FastCurves.NAME);
    verifier.update(message);
    return verifier.verify(signature);
  }

  private static KeyPair jdkKeys(String algorithm, AlgorithmParameterSpec spec)
      throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, JDK);
    generator.initialize(spec);
    return generator.generateKeyPair();
  }
}
