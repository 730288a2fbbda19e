package dev.preflight.run;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the root certificates of a {@code --ca-file}: one or more PEM (or DER) X.509 certificates.
 */
public final class CaFile {
  private static final long MAX_BYTES = 4L << 20;

  private CaFile() {}

  /**
   * @throws InputException naming the file when it cannot be read, is too large, or holds no
   *     certificate
   */
  public static List<X509Certificate> read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InputException(file.toString(), "larger than 4 MiB; not a CA file");
      }
      List<X509Certificate> roots = new ArrayList<>();
      try (InputStream in = Files.newInputStream(file)) {
        for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          if (cert instanceof X509Certificate x509) {
            roots.add(x509);
          }
        }
      }
      if (roots.isEmpty()) {
        throw new InputException(file.toString(), "holds no PEM certificate");
      }
      return List.copyOf(roots);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "no such CA file", e);
    } catch (AccessDeniedException e) {
      throw new InputException(file.toString(), 0, "cannot read the CA file: permission denied", e);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read the CA file: " + e, e);
    } catch (CertificateException e) {
      throw new InputException(
          file.toString(), 0, "not a PEM certificate file: " + e.getMessage(), e);
    }
  }
}
