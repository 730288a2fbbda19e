package dev.preflight.catalog;

import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.common.IoErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports the Microsoft 365 IP address and URL web service's JSON ({@code
 * https://endpoints.office.com/endpoints/worldwide}) as catalog entries.
 *
 * <p>The file is read within the limits of {@link InputKind#M365_JSON} (the real worldwide list is
 * well under 1 MiB); a malformed file, a wrong shape or a bad value becomes an {@link
 * InputException} with the file and line, and nothing is returned. How sets become entries is
 * described on {@link M365Merger}.
 */
public final class M365Importer {
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
    byte[] json = InputFiles.readBytes(file, InputKind.M365_JSON);
    M365Merger merger = new M365Merger(options, file.getFileName().toString(), modified(file));
    M365JsonReader.read(new ByteArrayInputStream(json), source, merger::add);
    return merger.result();
  }

  private static String modified(Path file) {
    try {
      return Files.getLastModifiedTime(file)
          .toInstant()
          .atZone(ZoneOffset.UTC)
          .toLocalDate()
          .toString();
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read: " + IoErrors.reason(e), e);
    }
  }
}
