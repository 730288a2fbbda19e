package dev.preflight.probe;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException.Reason;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validates a path that reached a trust anchor with the JDK's own PKIX {@link CertPathValidator}
 * (RFC 5280 section 6): signatures, validity at the given time, basic constraints and path length,
 * the CAs' key usage, name constraints and the JDK's disabled algorithms — what the JDK's and
 * Windows' TLS clients check — plus the leaf's extended key usage, which RFC 5280 section 4.2.1.12
 * leaves to the application: a TLS server certificate with that extension must allow {@code
 * serverAuth}.
 *
 * <p>Revocation is not checked, deliberately. A device in OOBE checks revocation softly (an
 * unreachable CRL or OCSP responder does not fail the connection), checking it here would send
 * traffic the plan does not contain to hosts with no deadline of their own, and the reachability of
 * the revocation hosts is judged by their own catalog entries. Nothing here touches the network:
 * revocation is off and AIA fetching is the JDK's default, off; every step is bounded by the path's
 * length.
 */
final class ChainValidator {
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String ANY_USAGE = "2.5.29.37.0";

  private ChainValidator() {}

  /**
   * The failure of {@code path} at {@code now}: {@link Cause#TLS_EXPIRED} for a certificate outside
   * its validity, {@link Cause#TLS_UNTRUSTED} for any other PKIX reason; null when it is valid. The
   * path must have an anchor.
   */
  static @Nullable ProbeFailure validate(ChainJudge.Path path, Instant now) {
    X509Certificate anchor = path.anchor();
    if (anchor == null) {
      throw new IllegalArgumentException("the path reached no anchor");
    }
    List<X509Certificate> certificates = certificatesBelow(path, anchor);
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(certificates);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters(anchor, now));
    } catch (CertPathValidatorException e) {
      return failure(e, certificates);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no PKIX validator", e);
    }
    return serverUsage(certificates.get(0));
  }

  /**
   * The certificates the path climbs through, leaf first, without the anchor itself; a leaf that is
   * itself the anchor (a self-signed certificate given with {@code --ca-file}) stays, so that its
   * validity is still checked.
   */
  private static List<X509Certificate> certificatesBelow(
      ChainJudge.Path path, X509Certificate anchor) {
    List<X509Certificate> below = new ArrayList<>(path.certificates());
    if (below.size() > 1 && below.get(below.size() - 1).equals(anchor)) {
      below.remove(below.size() - 1);
    }
    return below;
  }

  private static PKIXParameters parameters(X509Certificate anchor, Instant now)
      throws GeneralSecurityException {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(now));
    // Browsers and Windows accept policy qualifiers; only the JDK's default rejects them.
    parameters.setPolicyQualifiersRejected(false);
    parameters.addCertPathChecker(new UsageClaim());
    return parameters;
  }

  private static ProbeFailure failure(
      CertPathValidatorException e, List<X509Certificate> certificates) {
    int index = e.getIndex();
    X509Certificate at =
        index >= 0 && index < certificates.size() ? certificates.get(index) : certificates.get(0);
    Reason reason = e.getReason();
    if (reason == BasicReason.EXPIRED) {
      return expired(ChainJudge.name(at) + " expired on " + at.getNotAfter().toInstant());
    }
    if (reason == BasicReason.NOT_YET_VALID) {
      return expired(ChainJudge.name(at) + " is not valid before " + at.getNotBefore().toInstant());
    }
    return ProbeFailure.fail(
        Cause.TLS_UNTRUSTED,
        Phase.TLS_HANDSHAKE,
        "the chain is not valid: " + explain(reason, at, certificates, index));
  }

  private static String explain(
      Reason reason, X509Certificate at, List<X509Certificate> certificates, int index) {
    String name = ChainJudge.name(at);
    String signed = index > 0 ? ChainJudge.name(certificates.get(index - 1)) : "the leaf";
    if (reason == PKIXReason.NOT_CA_CERT) {
      return name + " signs " + signed + " but is not a CA (basic constraints)";
    }
    if (reason == PKIXReason.PATH_TOO_LONG) {
      return "the path below " + name + " is longer than an issuer's path length constraint allows";
    }
    if (reason == PKIXReason.INVALID_KEY_USAGE) {
      return name + " signs " + signed + " but its key usage does not allow signing certificates";
    }
    if (reason == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
      return name + " carries a critical extension no client understands";
    }
    if (reason == PKIXReason.INVALID_NAME) {
      return name + " is outside a name constraint of its issuer";
    }
    if (reason == BasicReason.INVALID_SIGNATURE) {
      return "the signature on " + name + " does not verify";
    }
    if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
      return name + " uses a disabled signature algorithm or key size";
    }
    return name + ": " + reason;
  }

  private static @Nullable ProbeFailure serverUsage(X509Certificate leaf) {
    List<String> usages;
    try {
      usages = leaf.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      usages = List.of();
    }
    if (usages == null || usages.contains(SERVER_AUTH) || usages.contains(ANY_USAGE)) {
      return null;
    }
    return ProbeFailure.fail(
        Cause.TLS_UNTRUSTED,
        Phase.TLS_HANDSHAKE,
        "the chain is not valid: "
            + ChainJudge.name(leaf)
            + " is not for TLS servers (its extended key usage lacks serverAuth)");
  }

  private static ProbeFailure expired(String message) {
    return ProbeFailure.fail(Cause.TLS_EXPIRED, Phase.TLS_HANDSHAKE, message);
  }

  /**
   * Claims the extended key usage extension, which this class judges itself for the leaf: a
   * critical EKU would otherwise fail every path as an unrecognised critical extension.
   */
  private static final class UsageClaim extends PKIXCertPathChecker {
    @Override
    public void init(boolean forward) {}

    @Override
    public boolean isForwardCheckingSupported() {
      return true;
    }

    @Override
    public Set<String> getSupportedExtensions() {
      return Set.of(EXTENDED_KEY_USAGE);
    }

    @Override
    public void check(Certificate certificate, Collection<String> unresolvedCriticalExtensions) {
      unresolvedCriticalExtensions.remove(EXTENDED_KEY_USAGE);
    }
  }
}
