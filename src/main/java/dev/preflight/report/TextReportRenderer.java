package dev.preflight.report;

import dev.preflight.catalog.Scenario;
import dev.preflight.verdict.Consequences;
import dev.preflight.verdict.DomainChoice;
import dev.preflight.verdict.Durations;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.ProxySourceSummary;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.TenantSummary;
import dev.preflight.verdict.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The human-readable report: a header with the environment, then one table per service, services
 * with failures first, every non-passing endpoint followed by what was observed and what to change,
 * the report warnings, and the verdict on the last line.
 *
 * <p>ANSI colour is written only when the renderer is built with {@code colour} (the command line
 * enables it when standard output is a terminal); the text is otherwise identical.
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
    Lines lines = new Lines(out);
    header(report, lines);
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
        endpointLines(endpoint, widths, lines);
      }
    }
    warnings(report.warnings(), lines);
    lines.blank();
    String causes = causeCounts(report.endpoints());
    if (!causes.isEmpty()) {
      lines.add("Causes: " + causes + ".");
    }
    lines.add(verdictLine(report));
  }

  private void header(Report report, Lines lines) throws IOException {
    String scenarios =
        report.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", "));
    lines.add(
        ansi.bold("preflight " + report.mode().id())
            + " for "
            + scenarios
            + ", started "
            + report.startedAt()
            + ", took "
            + seconds(report.duration().toMillis()));
    if (report.mode() == Report.Mode.ANALYZE) {
      // Offline evaluation sends nothing, so there is no network context to describe.
      lines.add("Offline evaluation: no traffic was sent.");
      return;
    }
    Environment env = report.environment();
    String proxy = env.proxy() == null ? "none (direct)" : env.proxy();
    String dns = env.dnsServers().isEmpty() ? "unknown" : String.join(", ", env.dnsServers());
    Long offset = env.clockOffsetMs();
    String clock =
        offset == null ? "unknown" : Durations.aheadOrBehind(offset) + " the reference time";
    lines.add("Proxy: " + proxy);
    ProxySourceSummary source = env.proxySource();
    if (source != null) {
      lines.add(
          "Routes: " + source.source() + ", " + source.found() + "; " + source.routesSentence());
    }
    lines.add("DNS servers: " + dns);
    lines.add("Clock: " + clock);
    TenantSummary tenant = env.tenant();
    if (tenant != null) {
      lines.add("Tenant: " + tenantLine(tenant));
    }
    DomainChoice domain = env.domain();
    if (domain != null) {
      lines.add("Domain: " + domain.name() + " (" + domain.source() + ")");
    }
  }

  private static String tenantLine(TenantSummary tenant) {
    List<String> parts = new ArrayList<>();
    if (tenant.namespaceType() != null) {
      parts.add(tenant.namespaceType().toLowerCase(Locale.ROOT));
    }
    if (tenant.cloudInstance() != null) {
      parts.add("cloud " + tenant.cloudInstance());
    }
    if (tenant.region() != null) {
      parts.add("region " + tenant.region());
    }
    tenant.discoveredHosts().forEach(h -> parts.add(h.host() + " from " + h.discoveredBy()));
    return tenant.name() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }

  private void endpointLines(EndpointResult e, Widths widths, Lines lines) throws IOException {
    String cause = e.cause() == null ? "" : e.cause().name();
    String total = e.timings().totalMs() == null ? "" : e.timings().totalMs() + " ms";
    String route = e.route() == null ? "" : e.route();
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
            + leftPad(total, widths.total());
    lines.add(row.stripTrailing());
    if (e.status() != Status.PASS) {
      lines.add(INDENT + e.detail());
      if (e.remedy() != null) {
        lines.add(INDENT + ansi.bold("Remedy:") + " " + e.remedy());
      }
    }
  }

  private void warnings(List<String> warnings, Lines lines) throws IOException {
    if (warnings.isEmpty()) {
      return;
    }
    lines.blank();
    lines.add(ansi.bold("Warnings:"));
    for (String warning : warnings) {
      lines.add("  - " + warning);
    }
  }

  private String verdictLine(Report report) {
    List<EndpointResult> all = report.endpoints();
    long failed = all.stream().filter(e -> e.status() == Status.FAIL).count();
    long blocking = all.stream().filter(Consequences::blocks).count();
    long warned = all.stream().filter(e -> e.status() == Status.WARN).count();
    long skipped = all.stream().filter(e -> e.status() == Status.SKIP).count();
    long passed = all.stream().filter(e -> e.status() == Status.PASS).count();
    Verdict verdict = report.verdict();
    String meaning =
        switch (verdict) {
          case READY -> "every endpoint the scenario needs passed";
          case DEGRADED -> "Autopilot would finish, but something it uses is missing";
          case BLOCKED -> "Autopilot would fail";
        };
    return ansi.verdict(verdict, "Verdict: " + verdict.name())
        + " (exit "
        + verdict.exitCode()
        + "): "
        + meaning
        + ". "
        + String.format(
            Locale.ROOT,
            "%d passed, %d failed (%d blocking), %d warned, %d skipped.",
            passed,
            failed,
            blocking,
            warned,
            skipped);
  }

  /** {@code DNS_TIMEOUT 58, DNS_NXDOMAIN 31}: how often each cause occurs, most frequent first. */
  private static String causeCounts(List<EndpointResult> all) {
    Map<String, Long> counts =
        all.stream()
            .filter(e -> e.cause() != null)
            .collect(
                Collectors.groupingBy(e -> e.cause().name(), TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
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

  private static String tag(Status status) {
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

    private static int max(
        List<EndpointResult> all, java.util.function.Function<EndpointResult, String> column) {
      return all.stream().mapToInt(e -> column.apply(e).length()).max().orElse(0);
    }
  }

  /** Writes lines with the platform's line separator. */
  private record Lines(Writer out) {
    void add(String line) throws IOException {
      out.write(line);
      out.write(System.lineSeparator());
    }

    void blank() throws IOException {
      add("");
    }
  }
}
