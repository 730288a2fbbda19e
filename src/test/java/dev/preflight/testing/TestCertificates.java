package dev.preflight.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates minted at test time with BouncyCastle: roots, intermediates and leaves with any
 * names and validity, so TLS tests need no fixture files. EC P-256 keys keep minting fast.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestCertificates() {}

  /**
   * A key with its certificate chain, leaf first (the root is included last when a CA issued it).
   */
  public record Identity(PrivateKey key, List<X509Certificate> chain) {
    public Identity {
      chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** A TLS server context presenting exactly this chain. */
    public SSLContext serverContext() {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "test".toCharArray();
        store.setKeyEntry("server", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException | java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** This identity as a CA that can issue certificates. */
    public Authority asAuthority() {
      return new Authority(key, chain);
    }

    /** The same key and leaf, sending only {@code count} certificates of the chain. */
    public Identity truncated(int count) {
      return new Identity(key, chain.subList(0, count));
    }
  }

  /**
   * What a certificate says beyond its names: CA or not, a path length constraint, its key usage
   * and extended key usage, and its validity. {@link #leaf()} and {@link #authority()} are the
   * ordinary profiles; the withers make the broken ones the chain tests need.
   *
   * @param pathLength the basic constraints' path length, or -1 for none
   * @param keyUsage BouncyCastle {@link KeyUsage} bits
   * @param extendedUsages extended key usage purposes; empty for none
   */
  public record Profile(
      boolean ca,
      int pathLength,
      int keyUsage,
      List<KeyPurposeId> extendedUsages,
      Instant notBefore,
      Instant notAfter) {
    public Profile {
      extendedUsages = List.copyOf(extendedUsages);
    }

    /** A TLS server leaf valid from a day ago for a year. */
    public static Profile leaf() {
      Instant now = Instant.now();
      return new Profile(
          false,
          -1,
          KeyUsage.digitalSignature,
          List.of(),
          now.minus(Duration.ofDays(1)),
          now.plus(Duration.ofDays(365)));
    }

    /** A CA valid from a day ago for ten years. */
    public static Profile authority() {
      Instant now = Instant.now();
      return new Profile(
          true,
          -1,
          KeyUsage.keyCertSign | KeyUsage.cRLSign,
          List.of(),
          now.minus(Duration.ofDays(1)),
          now.plus(Duration.ofDays(3650)));
    }

    public Profile withPathLength(int length) {
      return new Profile(ca, length, keyUsage, extendedUsages, notBefore, notAfter);
    }

    public Profile withKeyUsage(int usage) {
      return new Profile(ca, pathLength, usage, extendedUsages, notBefore, notAfter);
    }

    public Profile withExtendedUsages(KeyPurposeId... usages) {
      return new Profile(ca, pathLength, keyUsage, List.of(usages), notBefore, notAfter);
    }

    public Profile validBetween(Instant from, Instant until) {
      return new Profile(ca, pathLength, keyUsage, extendedUsages, from, until);
    }
  }

  /** A CA: issues leaves and intermediates under its name. */
  public record Authority(PrivateKey key, List<X509Certificate> chain) {
    public Authority {
      chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
      return chain.get(0);
    }

    /** A leaf for {@code names} valid from a day ago for a year. */
    public Identity leaf(String... names) {
      Instant now = Instant.now();
      return leaf(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), names);
    }

    /** A leaf for {@code names} with the given validity; its CN is the first name. */
    public Identity leaf(Instant notBefore, Instant notAfter, String... names) {
      return issue("CN=" + names[0], false, notBefore, notAfter, names);
    }

    /** A leaf whose only name is its subject CN (no subject alternative names), as old servers. */
    public Identity leafWithCommonNameOnly(String host) {
      Instant now = Instant.now();
      return issue(
          "CN=" + host, false, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    /** An intermediate CA under this one. */
    public Authority intermediate(String dn) {
      Instant now = Instant.now();
      return issue(dn, true, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)))
          .asAuthority();
    }

    /** Issues any certificate under this CA. */
    public Identity issue(
        String dn, boolean ca, Instant notBefore, Instant notAfter, String... names) {
      Profile profile = ca ? Profile.authority() : Profile.leaf();
      return issue(dn, profile.validBetween(notBefore, notAfter), names);
    }

    /** Issues a certificate with {@code profile} under this CA. */
    public Identity issue(String dn, Profile profile, String... names) {
      KeyPair pair = keyPair();
      X509Certificate certificate =
          sign(
              X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded()),
              key,
              new X500Name(dn),
              pair.getPublic(),
              profile,
              names);
      List<X509Certificate> issued = new ArrayList<>();
      issued.add(certificate);
      issued.addAll(chain);
      return new Identity(pair.getPrivate(), issued);
    }
  }

  /** A self-signed root CA named {@code dn}. */
  public static Authority root(String dn) {
    KeyPair pair = keyPair();
    X509Certificate certificate =
        sign(
            new X500Name(dn),
            pair.getPrivate(),
            new X500Name(dn),
            pair.getPublic(),
            Profile.authority());
    return new Authority(pair.getPrivate(), List.of(certificate));
  }

  /** A self-signed leaf (not a CA) for {@code host}. */
  public static Identity selfSigned(String host) {
    KeyPair pair = keyPair();
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=" + host);
    Profile profile =
        Profile.leaf().validBetween(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    X509Certificate certificate =
        sign(name, pair.getPrivate(), name, pair.getPublic(), profile, host);
    return new Identity(pair.getPrivate(), List.of(certificate));
  }

  private static X509Certificate sign(
      X500Name issuer,
      PrivateKey issuerKey,
      X500Name subject,
      PublicKey subjectKey,
      Profile profile,
      String... names) {
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(profile.notBefore()),
              Date.from(profile.notAfter()),
              subject,
              subjectKey);
      BasicConstraints constraints =
          profile.ca() && profile.pathLength() >= 0
              ? new BasicConstraints(profile.pathLength())
              : new BasicConstraints(profile.ca());
      builder.addExtension(Extension.basicConstraints, true, constraints);
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
      if (!profile.extendedUsages().isEmpty()) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(profile.extendedUsages().toArray(new KeyPurposeId[0])));
      }
      addNames(builder, names);
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void addNames(X509v3CertificateBuilder builder, String... names)
      throws CertIOException {
    if (names.length == 0) {
      return;
    }
    GeneralName[] general = new GeneralName[names.length];
    for (int i = 0; i < names.length; i++) {
      boolean ip = names[i].matches("[0-9.]+") || names[i].contains(":");
      general[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
    }
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(general));
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
