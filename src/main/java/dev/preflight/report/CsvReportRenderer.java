package dev.preflight.report;

import dev.preflight.common.Csv;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One CSV row per endpoint (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold
 * a comma, quote or line break), in report order, for spreadsheets and ticket imports. The verdict
 * is not a row: it is the exit code and the JSON report's business.
 */
public final class CsvReportRenderer implements ReportRenderer {
  static final List<String> COLUMNS =
      List.of(
          "service",
          "impact",
          "endpoint",
          "target",
          "host",
          "port",
          "protocol",
          "wildcard",
          "status",
          "cause",
          "route",
          "addresses",
          "total_ms",
          "detail",
          "remedy");

  @Override
  public void render(Report report, Writer out) throws IOException {
    Csv.row(out, COLUMNS);
    for (ServiceResult service : report.services()) {
      for (EndpointResult e : service.endpoints()) {
        Csv.row(out, fields(service, e));
      }
    }
    out.flush();
  }

  private static List<String> fields(ServiceResult service, EndpointResult e) {
    var entry = e.endpoint();
    return List.of(
        service.service().id(),
        service.impact().name(),
        entry.id(),
        entry.target(),
        entry.host(),
        Integer.toString(entry.port()),
        entry.protocol().id(),
        text(entry.wildcard()),
        e.status().name(),
        e.cause() == null ? "" : e.cause().name(),
        text(e.route()),
        text(String.join(" ", e.addresses())),
        e.timings().totalMs() == null ? "" : e.timings().totalMs().toString(),
        text(e.detail()),
        text(e.remedy()));
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
