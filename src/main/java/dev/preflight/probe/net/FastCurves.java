package dev.preflight.probe.net;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.jcajce.provider.asymmetric.ec.KeyAgreementSpi;
import org.bouncycastle.jcajce.provider.asymmetric.ec.KeyPairGeneratorSpi;
import org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi;
import org.jspecify.annotations.Nullable;

/**
 * Bouncy Castle's elliptic-curve arithmetic in front of the JDK's, for the TLS handshakes and the
 * chain checks: ECDSA signatures, EC and XDH key pairs, ECDH and XDH key agreement. Nothing else:
 * RSA, certificates, PKIX, ciphers, digests and randomness stay the JDK's.
 *
 * <p>Why: every handshake makes two key shares (X25519 and P-256), one agreement and at least one
 * ECDSA verification. The JDK computes those fast only once C2 has compiled its field arithmetic
 * with intrinsics; a check runs with C1 alone (see the launcher), and there its P-256 verification
 * and key generation were most of a large check's CPU. Bouncy Castle's (32-bit limbs, precomputed
 * tables for the fixed base points) needs no intrinsic: 2,000 handshakes take less than half the
 * CPU (bench/tls-handshakes.sh), a 2,000-endpoint check about 30 % less (bench/lab-scale.sh).
 *
 * <p>The answers are the same mathematics, and JSSE and PKIX apply the JDK's algorithm constraints
 * before they ask for a service. A key a service here refuses falls through to the JDK's provider:
 * the JCA chooses the provider of a signature, key agreement or key-pair generator when it is
 * initialised, and moves on to the next one that accepts the key.
 */
final class FastCurves extends Provider {
  static final String NAME = "preflight-curves";

  private FastCurves() {
    super(NAME, "1", "Bouncy Castle's ECDSA, EC and XDH key pairs, ECDH and XDH");
    put("Signature.SHA1withECDSA", SignatureSpi.ecDSA.class.getName());
    put("Signature.SHA224withECDSA", SignatureSpi.ecDSA224.class.getName());
    put("Signature.SHA256withECDSA", SignatureSpi.ecDSA256.class.getName());
    put("Signature.SHA384withECDSA", SignatureSpi.ecDSA384.class.getName());
    put("Signature.SHA512withECDSA", SignatureSpi.ecDSA512.class.getName());
    put("KeyPairGenerator.EC", NamedCurveKeyPairs.class.getName());
    put("KeyAgreement.ECDH", KeyAgreementSpi.DH.class.getName());
    put("KeyPairGenerator.XDH", xdhKeyPairs());
    put(
        "KeyAgreement.XDH",
        org.bouncycastle.jcajce.provider.asymmetric.edec.KeyAgreementSpi.XDH.class.getName());
  }

  /** {@link XdhKeyPairs} where the JDK has the XDH keys it hands out, else Bouncy Castle's own. */
  private static String xdhKeyPairs() {
    return Security.getProvider("SunEC") != null
        ? XdhKeyPairs.class.getName()
        : org.bouncycastle.jcajce.provider.asymmetric.edec.KeyPairGeneratorSpi.XDH.class.getName();
  }

  /** Puts these services first, once per JVM; later calls change nothing. */
  static synchronized void install() {
    if (Security.getProvider(NAME) == null) {
      Security.insertProviderAt(new FastCurves(), 1);
    }
  }

  /**
   * Bouncy Castle's EC key pairs for a curve JSSE names by its parameters (the JDK's own
   * named-curve objects), asked for by name instead. Given parameters, Bouncy Castle builds a new
   * base point for every key pair, and with it a new table of its multiples, which the key then
   * holds: about 4 KiB and a precomputation per key share, where the named curve's table is built
   * once.
   */
  public static final class NamedCurveKeyPairs extends KeyPairGeneratorSpi.EC {
    private record Named(String name, ECParameterSpec curve) {}

    /** The JDK's parameters of the curves TLS uses, to recognise them by. */
    private static final List<Named> CURVES =
        Stream.of("secp256r1", "secp384r1", "secp521r1")
            .map(name -> new Named(name, jdkCurve(name)))
            .filter(named -> named.curve() != null)
            .toList();

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
        throws InvalidAlgorithmParameterException {
      super.initialize(params instanceof ECParameterSpec curve ? byName(curve) : params, random);
    }

    private static AlgorithmParameterSpec byName(ECParameterSpec curve) {
      for (Named named : CURVES) {
        if (same(curve, named.curve())) {
          return new ECGenParameterSpec(named.name());
        }
      }
      return curve;
    }

    private static boolean same(ECParameterSpec a, ECParameterSpec b) {
      return a.getCurve().equals(b.getCurve())
          && a.getGenerator().equals(b.getGenerator())
          && a.getOrder().equals(b.getOrder())
          && a.getCofactor() == b.getCofactor();
    }

    private static @Nullable ECParameterSpec jdkCurve(String name) {
      try {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", "SunEC");
        parameters.init(new ECGenParameterSpec(name));
        return parameters.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        return null; // a JDK without this curve: its parameters are used as given
      }
    }
  }
}
