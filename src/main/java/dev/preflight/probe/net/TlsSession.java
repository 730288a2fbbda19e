package dev.preflight.probe.net;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a finished TLS handshake showed. The chain is exactly what the server sent, leaf first, and
 * has <em>not</em> been validated: judging it is the caller's job.
 *
 * @param protocol the negotiated protocol ({@code TLSv1.3})
 * @param cipherSuite the negotiated cipher suite
 * @param chain the certificates the server sent, leaf first; never empty
 */
public record TlsSession(String protocol, String cipherSuite, List<X509Certificate> chain) {
  public TlsSession {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain must not be empty");
    }
  }
}
