package dev.preflight.run;

import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the root certificates of a {@code --ca-file}: one or more PEM (or DER) X.509 certificates,
 * within the limits of {@link InputKind#CA_FILE}.
 */
public final class CaFile {
  private CaFile() {}

  /**
   * @throws InputException naming the file when it cannot be read, is too large, or holds no
   *     certificate
   */
  public static List<X509Certificate> read(Path file) {
    byte[] bytes = InputFiles.readBytes(file, InputKind.CA_FILE);
    List<X509Certificate> roots = new ArrayList<>();
    try {
      for (Certificate cert :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes))) {
        if (cert instanceof X509Certificate x509) {
          roots.add(x509);
        }
      }
    } catch (CertificateException e) {
      // The parser's own message names Java classes and echoes bytes; the reason is enough.
      throw new InputException(
          file.toString(), 0, "not a PEM or DER certificate file (it cannot be parsed)", e);
    }
    if (roots.isEmpty()) {
      throw new InputException(file.toString(), "holds no PEM certificate");
    }
    return List.copyOf(roots);
  }
}
