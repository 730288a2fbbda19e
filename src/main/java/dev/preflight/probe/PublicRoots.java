package dev.preflight.probe;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The JDK's default trust anchors (its {@code cacerts}), loaded once. */
final class PublicRoots {
  private PublicRoots() {}

  private static final class Holder {
    private static final List<X509Certificate> ROOTS = load();
  }

  static List<X509Certificate> jdk() {
    return Holder.ROOTS;
  }

  private static List<X509Certificate> load() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return List.of(x509.getAcceptedIssuers());
        }
      }
      return List.of();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK trust store cannot be read", e);
    }
  }
}
