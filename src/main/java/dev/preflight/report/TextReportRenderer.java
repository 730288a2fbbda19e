package dev.preflight.report;

import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The human-readable report, root causes first: the verdict and the counts, the findings with their
 * remedies, the warnings and the environment ({@link TextSummary}); then one table per service,
 * services with failures first, every endpoint that did not pass followed by what was observed and
 * the number of its finding; and the verdict again on the last line.
 *
 * <p>ANSI colour is written only when the renderer is built with {@code colour} (the command line
 * decides, see {@code --color}); the text is otherwise identical.
 */
public final class TextReportRenderer implements ReportRenderer {
  private static final int MAX_TARGET_WIDTH = 56;
  private static final String INDENT = "        ";

  private final Ansi ansi;

  public TextReportRenderer(boolean colour) {
    this.ansi = new Ansi(colour);
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    TextLines lines = new TextLines(out);
    TextSummary summary = new TextSummary(ansi, report);
    summary.write(lines);
    FindingNumbers numbers = FindingNumbers.of(report.findings());
    Widths widths = Widths.of(report.endpoints());
    for (ServiceResult service : servicesWorstFirst(report.services())) {
      lines.blank();
      lines.add(
          ansi.status(service.status(), tag(service.status()))
              + "  "
              + ansi.bold(service.service().name())
              + " ("
              + service.impact().name().toLowerCase(Locale.ROOT)
              + ")");
      for (EndpointResult endpoint : service.endpoints()) {
        endpointLines(endpoint, numbers, widths, lines);
      }
    }
    lines.blank();
    lines.add(summary.verdictLine());
  }

  private void endpointLines(
      EndpointResult e, FindingNumbers numbers, Widths widths, TextLines lines) throws IOException {
    String cause = e.cause() == null ? "" : e.cause().name();
    String total = e.timings().totalMs() == null ? "" : e.timings().totalMs() + " ms";
    String route = e.route() == null ? "" : e.route();
    Integer finding = numbers.of(e);
    String row =
        "  "
            + ansi.status(e.status(), tag(e.status()))
            + "  "
            + pad(truncate(e.endpoint().target(), MAX_TARGET_WIDTH), widths.target())
            + "  "
            + pad(cause, widths.cause())
            + "  "
            + pad(route, widths.route())
            + "  "
            + leftPad(total, widths.total())
            + (finding == null ? "" : "  finding " + finding);
    lines.add(row.stripTrailing());
    if (e.status() != Status.PASS) {
      lines.add(INDENT + e.detail());
    }
  }

  private static List<ServiceResult> servicesWorstFirst(List<ServiceResult> services) {
    return services.stream()
        .sorted(Comparator.comparingInt((ServiceResult s) -> order(s.status())))
        .toList();
  }

  private static int order(Status status) {
    return switch (status) {
      case FAIL -> 0;
      case WARN -> 1;
      case PASS -> 2;
      case SKIP -> 3;
    };
  }

  static String tag(Status status) {
    return pad(status.name(), 4);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String leftPad(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }

  static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }

  /** Column widths fitted to the report's content. */
  private record Widths(int target, int cause, int route, int total) {
    static Widths of(List<EndpointResult> all) {
      return new Widths(
          max(all, e -> truncate(e.endpoint().target(), MAX_TARGET_WIDTH)),
          max(all, e -> e.cause() == null ? "" : e.cause().name()),
          max(all, e -> e.route() == null ? "" : e.route()),
          max(all, e -> e.timings().totalMs() == null ? "" : e.timings().totalMs() + " ms"));
    }

    private static int max(List<EndpointResult> all, Function<EndpointResult, String> column) {
      return all.stream().mapToInt(e -> column.apply(e).length()).max().orElse(0);
    }
  }
}
