package dev.preflight.probe.net;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;

/**
 * X25519 and X448 key pairs from Bouncy Castle's arithmetic, handed out as the JDK's own key
 * objects. Bouncy Castle's generator computes the public key, then wraps the private key in an
 * object that computes it a second time: two scalar multiplications for every key share, the second
 * thrown away. Here the public key is computed once, and the JDK's key factory, which does no
 * arithmetic, wraps both halves. {@link FastCurves}' XDH agreement takes these keys as they are.
 */
public final class XdhKeyPairs extends KeyPairGeneratorSpi {
  private static final KeyFactory JDK_KEYS = jdkKeys();

  private NamedParameterSpec curve = NamedParameterSpec.X25519;
  private SecureRandom random = new SecureRandom();

  @Override
  public void initialize(int keySize, SecureRandom random) {
    this.curve =
        switch (keySize) {
          case 255 -> NamedParameterSpec.X25519;
          case 448 -> NamedParameterSpec.X448;
          default -> throw new InvalidParameterException("no XDH curve of " + keySize + " bits");
        };
    this.random = random == null ? new SecureRandom() : random;
  }

  @Override
  public void initialize(AlgorithmParameterSpec params, SecureRandom random)
      throws InvalidAlgorithmParameterException {
    if (!(params instanceof NamedParameterSpec named) || !known(named)) {
      throw new InvalidAlgorithmParameterException("not an XDH curve: " + params);
    }
    this.curve = named;
    this.random = random == null ? new SecureRandom() : random;
  }

  @Override
  public KeyPair generateKeyPair() {
    byte[] scalar;
    byte[] publicKey;
    if (isX448(curve)) {
      X448PrivateKeyParameters key = new X448PrivateKeyParameters(random);
      scalar = key.getEncoded();
      publicKey = key.generatePublicKey().getEncoded();
    } else {
      X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(random);
      scalar = key.getEncoded();
      publicKey = key.generatePublicKey().getEncoded();
    }
    try {
      return new KeyPair(
          JDK_KEYS.generatePublic(new XECPublicKeySpec(curve, littleEndian(publicKey))),
          JDK_KEYS.generatePrivate(new XECPrivateKeySpec(curve, scalar)));
    } catch (GeneralSecurityException e) {
      throw new ProviderException("the JDK refused an XDH key it describes itself", e);
    }
  }

  private static boolean known(NamedParameterSpec named) {
    return isX448(named) || named.getName().equalsIgnoreCase(NamedParameterSpec.X25519.getName());
  }

  private static boolean isX448(NamedParameterSpec named) {
    return named.getName().equalsIgnoreCase(NamedParameterSpec.X448.getName());
  }

  /** RFC 7748 encodes the u-coordinate least significant byte first. */
  private static BigInteger littleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static KeyFactory jdkKeys() {
    try {
      return KeyFactory.getInstance("XDH", "SunEC");
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
