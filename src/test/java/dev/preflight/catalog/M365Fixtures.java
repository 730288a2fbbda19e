package dev.preflight.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Copies the M365 fixtures into a temporary directory with a fixed modification date. */
final class M365Fixtures {
  static final Instant MODIFIED = Instant.parse("2026-11-01T12:00:00Z");

  private M365Fixtures() {}

  static Path copy(String resource, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = M365Fixtures.class.getResourceAsStream("/m365/" + resource)) {
      if (in == null) {
        throw new IOException("missing test resource /m365/" + resource);
      }
      Files.copy(in, target);
    }
    Files.setLastModifiedTime(target, FileTime.from(MODIFIED));
    return target;
  }
}
