package dev.preflight.probe;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Judges a captured server chain. A pure function of the chain, the host, the trust material and
 * the time; it never touches the network.
 *
 * <p>The path is built from the leaf upwards by issuer name and signature, using the certificates
 * the server sent and the trust anchors (public roots plus {@code --ca-file} roots). Then, in this
 * order, the first rule that applies decides:
 *
 * <ol>
 *   <li>No anchor reached, and some certificate names a known inspection product: {@link
 *       Cause#TLS_INTERCEPTED}, naming the product.
 *   <li>No anchor reached, the leaf is self-signed: {@link Cause#TLS_UNTRUSTED}.
 *   <li>No anchor reached, the path climbs from the leaf to a self-signed CA nobody trusts, and the
 *       leaf names the requested host: {@link Cause#TLS_INTERCEPTED}. Someone minted a certificate
 *       for exactly this host under a private CA, which is what an inspecting proxy does; a
 *       misconfigured server has no reason to.
 *   <li>No anchor reached otherwise (the chain stops at an issuer that was not sent, or an unknown
 *       CA signs a certificate for some other name): {@link Cause#TLS_UNTRUSTED}.
 *   <li>Anchor reached among the public roots, but the endpoint lists the roots it really uses and
 *       no certificate of the path or the anchor bears one of those names: {@link
 *       Cause#TLS_INTERCEPTED}. A {@code --ca-file} root is legitimate by definition.
 *   <li>The JDK's PKIX validator rejects the path ({@link ChainValidator}): a certificate outside
 *       its validity is {@link Cause#TLS_EXPIRED}; a signer that is not a CA, an exceeded path
 *       length, a CA key not allowed to sign certificates, a leaf not for TLS servers and every
 *       other reason are {@link Cause#TLS_UNTRUSTED}.
 *   <li>The leaf does not cover the host: {@link Cause#TLS_HOSTNAME_MISMATCH}.
 * </ol>
 *
 * <p>Only the first {@value #MAX_SENT} certificates sent are considered and the path climbs at most
 * {@value #MAX_DEPTH} steps, so a hostile chain costs a bounded number of signature checks.
 */
final class ChainJudge {
  /** The path found: certificates from the leaf up, and the anchor reached if any. */
  record Path(List<X509Certificate> certificates, @Nullable X509Certificate anchor) {
    X509Certificate top() {
      return certificates.get(certificates.size() - 1);
    }
  }

  private static final int MAX_DEPTH = 10;
  private static final int MAX_SENT = 16;

  private final List<X509Certificate> publicRoots;
  private final List<X509Certificate> extraRoots;

  ChainJudge(List<X509Certificate> publicRoots, List<X509Certificate> extraRoots) {
    this.publicRoots = List.copyOf(publicRoots);
    this.extraRoots = List.copyOf(extraRoots);
  }

  Path path(List<X509Certificate> served) {
    List<X509Certificate> sent = served.subList(0, Math.min(served.size(), MAX_SENT));
    List<X509Certificate> path = new ArrayList<>(List.of(sent.get(0)));
    X509Certificate current = sent.get(0);
    while (path.size() <= MAX_DEPTH) {
      X509Certificate anchor = anchorFor(current);
      if (anchor != null) {
        return new Path(path, anchor);
      }
      if (selfSigned(current)) {
        break;
      }
      X509Certificate issuer = issuerIn(sent, path, current);
      if (issuer == null) {
        break;
      }
      path.add(issuer);
      current = issuer;
    }
    return new Path(path, null);
  }

  /**
   * True when the path ends at a public root that is not a {@code --ca-file} root: then the TLS
   * session is with the origin itself, since an inspecting proxy's CA is never a public root.
   */
  boolean publicAnchor(Path path) {
    X509Certificate anchor = path.anchor();
    return anchor != null && !extraRoots.contains(anchor) && publicRoots.contains(anchor);
  }

  /** The failure, or null when the chain is fine for {@code host}. */
  @Nullable ProbeFailure judge(Path path, String host, List<String> expectedRoots, Instant now) {
    String problem;
    Cause cause;
    if (path.anchor() == null) {
      cause = untrustedCause(path, host);
      problem = untrustedMessage(path, host, cause);
    } else if (!legitimateAnchor(path, expectedRoots)) {
      cause = Cause.TLS_INTERCEPTED;
      problem =
          "the chain ends at "
              + name(path.anchor())
              + ", not at the root this endpoint uses ("
              + String.join(", ", expectedRoots)
              + ")"
              + productSuffix(path);
    } else {
      ProbeFailure invalid = ChainValidator.validate(path, now);
      if (invalid != null) {
        return invalid;
      }
      X509Certificate leaf = path.certificates().get(0);
      if (HostnameMatcher.covers(leaf, host)) {
        return null;
      }
      cause = Cause.TLS_HOSTNAME_MISMATCH;
      problem =
          "the certificate is for "
              + Printable.clip(String.join(", ", HostnameMatcher.dnsNames(leaf)))
              + ", not "
              + host;
    }
    return ProbeFailure.fail(cause, Phase.TLS_HANDSHAKE, problem);
  }

  private Cause untrustedCause(Path path, String host) {
    X509Certificate leaf = path.certificates().get(0);
    if (product(path).isPresent()) {
      return Cause.TLS_INTERCEPTED;
    }
    if (path.certificates().size() == 1 && selfSigned(leaf)) {
      return Cause.TLS_UNTRUSTED;
    }
    boolean privateRoot = path.certificates().size() > 1 && selfSigned(path.top());
    return privateRoot && HostnameMatcher.covers(leaf, host)
        ? Cause.TLS_INTERCEPTED
        : Cause.TLS_UNTRUSTED;
  }

  private String untrustedMessage(Path path, String host, Cause cause) {
    X509Certificate leaf = path.certificates().get(0);
    String issuer = name(leaf.getIssuerX500Principal().getName());
    if (cause == Cause.TLS_INTERCEPTED) {
      return "the certificate for "
          + host
          + " is issued by "
          + issuer
          + ", which chains to "
          + name(path.top())
          + ", not a public root: TLS inspection"
          + productSuffix(path);
    }
    if (path.certificates().size() == 1 && selfSigned(leaf)) {
      return "the certificate is self-signed (" + name(leaf) + ")";
    }
    if (!selfSigned(path.top())) {
      return "the chain is incomplete or unknown: "
          + name(path.top().getIssuerX500Principal().getName())
          + " was not sent and is not a trusted root";
    }
    return "the chain ends at the unknown root " + name(path.top()) + " and does not name " + host;
  }

  private boolean legitimateAnchor(Path path, List<String> expectedRoots) {
    X509Certificate anchor = path.anchor();
    if (expectedRoots.isEmpty() || extraRoots.contains(anchor)) {
      return true;
    }
    List<X509Certificate> all = new ArrayList<>(path.certificates());
    all.add(anchor);
    return all.stream().anyMatch(c -> expectedRoots.stream().anyMatch(r -> bearsName(c, r)));
  }

  private static boolean bearsName(X509Certificate certificate, String rootName) {
    String subject = certificate.getSubjectX500Principal().getName().toLowerCase(Locale.ROOT);
    return subject.contains(rootName.toLowerCase(Locale.ROOT));
  }

  private static String productSuffix(Path path) {
    return product(path).map(p -> " (" + p + " TLS inspection)").orElse("");
  }

  /** The inspection product the path's certificates name, if one does. */
  static Optional<String> product(Path path) {
    List<String> names = new ArrayList<>();
    for (X509Certificate certificate : path.certificates()) {
      names.add(certificate.getIssuerX500Principal().getName());
      names.add(certificate.getSubjectX500Principal().getName());
    }
    return InspectionProducts.named(names).map(InspectionProducts.Product::name);
  }

  private @Nullable X509Certificate anchorFor(X509Certificate certificate) {
    for (List<X509Certificate> roots : List.of(extraRoots, publicRoots)) {
      for (X509Certificate root : roots) {
        if (root.equals(certificate)) {
          return root;
        }
        if (root.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
            && signedBy(certificate, root)) {
          return root;
        }
      }
    }
    return null;
  }

  private static @Nullable X509Certificate issuerIn(
      List<X509Certificate> sent, List<X509Certificate> path, X509Certificate certificate) {
    for (X509Certificate candidate : sent) {
      if (!path.contains(candidate)
          && candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
          && signedBy(certificate, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  static boolean selfSigned(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
        && signedBy(certificate, certificate);
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  static String name(X509Certificate certificate) {
    return name(certificate.getSubjectX500Principal().getName());
  }

  static String name(String dn) {
    return Printable.clip(dn);
  }
}
