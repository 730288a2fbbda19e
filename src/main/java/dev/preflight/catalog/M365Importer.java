package dev.preflight.catalog;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports the Microsoft 365 IP address and URL web service's JSON ({@code
 * https://endpoints.office.com/endpoints/worldwide}) as catalog entries.
 *
 * <p>The file is streamed and capped at {@link #MAX_BYTES}; a malformed file, a wrong shape or a
 * bad value becomes an {@link InputException} with the file and line, and nothing is returned. How
 * sets become entries is described on {@link M365Merger}.
 */
public final class M365Importer {
  /** The largest file accepted: the real worldwide list is well under 1 MiB. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  /**
   * Which sets to import.
   *
   * @param serviceAreas the service areas to keep, compared case-insensitively; empty keeps all
   * @param requiredOnly true to keep only sets marked {@code required: true}
   */
  public record Options(Set<String> serviceAreas, boolean requiredOnly) {
    public Options {
      serviceAreas =
          serviceAreas.stream()
              .map(a -> a.strip().toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet());
    }

    /** Every set. */
    public static final Options ALL = new Options(Set.of(), false);

    boolean keeps(M365EndpointSet set) {
      if (requiredOnly && !set.required()) {
        return false;
      }
      String area = set.serviceArea();
      return serviceAreas.isEmpty()
          || (area != null && serviceAreas.contains(area.toLowerCase(Locale.ROOT)));
    }
  }

  private M365Importer() {}

  /**
   * Reads {@code file}. Entries cite the file name and its modification date (UTC) as their source,
   * since the endpoint list itself carries no date.
   */
  public static M365Import importFile(Path file, Options options) {
    String source = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        throw new InputException(
            source, Files.exists(file) ? "cannot read: not a regular file" : "no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new InputException(
            source, new M365SizeLimit.TooLargeException(MAX_BYTES).getMessage());
      }
      String date =
          Files.getLastModifiedTime(file)
              .toInstant()
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .toString();
      M365Merger merger = new M365Merger(options, file.getFileName().toString(), date);
      try (InputStream in = new M365SizeLimit(Files.newInputStream(file), MAX_BYTES)) {
        M365JsonReader.read(in, source, merger::add);
      }
      return merger.result();
    } catch (NoSuchFileException e) {
      throw new InputException(source, "no such file");
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read: " + e.getMessage(), e);
    }
  }
}
