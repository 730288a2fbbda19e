package dev.preflight.probe.net;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server chain so that the handshake completes and the whole chain can be judged
 * afterwards with a precise cause (interception, expiry, name mismatch...) instead of one opaque
 * handshake exception. Safe because nothing but a fixed request is ever sent, and only after the
 * caller has judged the chain. Never used for client authentication.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
  static final CapturingTrustManager INSTANCE = new CapturingTrustManager();

  /** preflight is only ever a TLS client: a peer asking it to trust a client chain is refused. */
  private static final String CLIENT_CHAINS = "preflight never accepts client certificate chains";

  private CapturingTrustManager() {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException(CLIENT_CHAINS);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException(CLIENT_CHAINS);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException(CLIENT_CHAINS);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
