package dev.preflight.cli;

import dev.preflight.catalog.Endpoint;
import dev.preflight.common.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Catalog entries as RFC 4180 CSV: one header line, one line per entry, lists space-separated
 * inside a field, fields quoted only when they contain a comma, quote or line break.
 */
final class CatalogCsv {
  static final String HEADER =
      "id,service,impact,protocol,ports,host,wildcard,path,scenarios,tpm,"
          + "inspection_unsupported,zone_check,roots,source,date,note,host_role";

  private CatalogCsv() {}

  static void write(List<Endpoint> endpoints, Writer out) throws IOException {
    out.write(HEADER + "\r\n");
    for (Endpoint e : endpoints) {
      List<String> fields =
          List.of(
              e.id(),
              e.service(),
              e.impact().name(),
              e.protocol().id(),
              e.ports().stream().map(String::valueOf).collect(Collectors.joining(" ")),
              e.host(),
              orEmpty(e.wildcard()),
              orEmpty(e.path()),
              CatalogText.scenarios(e).replace(", ", " "),
              e.tpms().isEmpty() ? "" : CatalogText.tpms(e).replace(", ", " "),
              String.valueOf(e.inspectionUnsupported()),
              String.valueOf(e.zoneCheck()),
              String.join("; ", e.roots()),
              e.source().page(),
              e.source().date(),
              orEmpty(e.note()),
              e.hostRole().name());
      Csv.row(out, fields);
    }
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
