package dev.preflight.probe;

import dev.preflight.common.IpAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Decides whether a certificate covers a host name (RFC 6125): DNS names from the subject
 * alternative names, a wildcard only as the whole left-most label matching exactly one label; the
 * subject CN only when the certificate has no DNS names at all, as the JDK does.
 */
final class HostnameMatcher {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  private HostnameMatcher() {}

  static boolean covers(X509Certificate certificate, String host) {
    String wanted = normalise(host);
    if (IpAddress.isLiteral(wanted)) {
      IpAddress address = IpAddress.parse(wanted);
      return names(certificate, IP_ADDRESS).stream()
          .anyMatch(n -> IpAddress.isLiteral(n) && IpAddress.parse(n).equals(address));
    }
    List<String> dnsNames = names(certificate, DNS_NAME);
    if (dnsNames.isEmpty()) {
      dnsNames = commonNames(certificate);
    }
    return dnsNames.stream().anyMatch(pattern -> matches(normalise(pattern), wanted));
  }

  /** The DNS names a certificate is for, for messages. */
  static List<String> dnsNames(X509Certificate certificate) {
    List<String> names = names(certificate, DNS_NAME);
    return names.isEmpty() ? commonNames(certificate) : names;
  }

  private static boolean matches(String pattern, String host) {
    if (!pattern.startsWith("*.")) {
      return pattern.equals(host);
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(pattern.substring(1));
  }

  private static String normalise(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static List<String> names(X509Certificate certificate, int type) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> all = certificate.getSubjectAlternativeNames();
      if (all == null) {
        return names;
      }
      for (List<?> entry : all) {
        if (entry.size() >= 2
            && entry.get(0) instanceof Integer t
            && t == type
            && entry.get(1) instanceof String value) {
          names.add(value);
        }
      }
    } catch (CertificateParsingException e) {
      // An unparsable extension covers nothing.
    }
    return names;
  }

  private static List<String> commonNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      LdapName dn = new LdapName(certificate.getSubjectX500Principal().getName());
      for (Rdn rdn : dn.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          names.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException | RuntimeException e) {
      // A subject that does not parse names nothing.
    }
    return names;
  }
}
