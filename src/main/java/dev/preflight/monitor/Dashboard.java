package dev.preflight.monitor;

import com.sun.net.httpserver.HttpExchange;
import dev.preflight.common.Display;
import dev.preflight.report.Markup;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /}: one self-contained page (inline style, no script, nothing fetched; the Content
 * Security Policy forbids anything else) with the current verdict, what changed since the previous
 * run, every failing or warning endpoint with its cause and remedy, and the verdicts of the recent
 * runs. It reloads itself every minute. Every value from a report passes {@link Display}, then HTML
 * escaping.
 */
final class Dashboard {
  static final int HISTORY_ROWS = 50;
  private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:"
          + "collapse;width:100%;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:4px 8px;"
          + "text-align:left;vertical-align:top}.READY,.PASS,.better{color:#1a7f37}"
          + ".DEGRADED,.WARN{color:#9a6700}.BLOCKED,.FAIL,.worse{color:#cf222e;font-weight:bold}"
          + ".UNKNOWN,.SKIP{color:#57606a}";

  private Dashboard() {}

  static void handle(Monitor monitor, HttpExchange exchange) throws IOException {
    List<History.Run> runs;
    try {
      runs = monitor.history().runs(HISTORY_ROWS);
    } catch (SQLException e) {
      runs = List.of();
    }
    exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
    MonitorServer.send(exchange, 200, "text/html; charset=utf-8", page(monitor.state(), runs));
  }

  static String page(@Nullable RunState state, List<History.Run> runs) {
    StringBuilder html = new StringBuilder(8192);
    String verdict = state == null ? "WAITING" : state.summary().verdict().name();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"refresh\" content=\"60\">\n")
        .append("<title>preflight serve: ")
        .append(verdict)
        .append("</title>\n")
        .append("<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>Windows Autopilot network readiness: <span id=\"verdict\" class=\"")
        .append(verdict)
        .append("\">")
        .append(verdict)
        .append("</span></h1>\n");
    if (state == null) {
      html.append("<p>The first run has not finished yet.</p>\n");
    } else {
      ReportSummary summary = state.summary();
      html.append("<p id=\"meaning\">")
          .append(h(summary.verdict().meaning()))
          .append(" (exit code ")
          .append(summary.verdict().exitCode())
          .append(").</p>\n");
      html.append("<p>Run ")
          .append(state.runId())
          .append(", started ")
          .append(summary.startedAt())
          .append(", took ")
          .append(summary.durationMs())
          .append(" ms.</p>\n");
      changes(state.changes(), html);
      problems(summary, html);
      warnings(summary, html);
    }
    history(runs, html);
    return html.append("</body>\n</html>\n").toString();
  }

  private static void changes(@Nullable ReportDiff diff, StringBuilder html) {
    html.append("<h2>Changed since the previous run</h2>\n");
    if (diff == null) {
      html.append("<p id=\"changes\">No previous run to compare with.</p>\n");
      return;
    }
    html.append("<p>Verdict: ").append(h(DiffRenderer.verdictLine(diff))).append("</p>\n");
    if (diff.changes().isEmpty()) {
      html.append("<p id=\"changes\">No endpoint changed.</p>\n");
      return;
    }
    html.append("<ul id=\"changes\">\n");
    for (ReportDiff.Change change : diff.changes()) {
      ReportSummary.Endpoint e = change.endpoint();
      html.append("<li")
          .append(change.worse() ? " class=\"worse\"" : "")
          .append(">")
          .append(h(change.kind().name().toLowerCase(java.util.Locale.ROOT)))
          .append(": <code>")
          .append(h(e.id()))
          .append("</code> ")
          .append(h(e.target()))
          .append(" — ")
          .append(h(DiffRenderer.describe(change)))
          .append("</li>\n");
    }
    html.append("</ul>\n");
  }

  private static void problems(ReportSummary summary, StringBuilder html) {
    html.append("<h2>Failing endpoints</h2>\n");
    List<ReportSummary.Endpoint> problems = summary.problems();
    if (problems.isEmpty()) {
      html.append("<p id=\"failing\">Every judged endpoint works.</p>\n");
      return;
    }
    html.append("<table id=\"failing\">\n<tr><th>Status</th><th>Service</th><th>Endpoint</th>")
        .append("<th>Cause</th><th>Observed</th><th>Remedy</th></tr>\n");
    for (ReportSummary.Endpoint e : problems) {
      html.append("<tr><td class=\"")
          .append(e.status())
          .append("\">")
          .append(e.status())
          .append("</td><td>")
          .append(h(e.service()))
          .append("</td><td><code>")
          .append(h(e.target()))
          .append("</code></td><td>")
          .append(h(e.cause()))
          .append("</td><td>")
          .append(h(e.detail()))
          .append("</td><td>")
          .append(h(e.remedy()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void warnings(ReportSummary summary, StringBuilder html) {
    if (summary.warnings().isEmpty()) {
      return;
    }
    html.append("<h2>Warnings</h2>\n<ul>\n");
    summary.warnings().forEach(w -> html.append("<li>").append(h(w)).append("</li>\n"));
    html.append("</ul>\n");
  }

  private static void history(List<History.Run> runs, StringBuilder html) {
    html.append("<h2>History</h2>\n");
    if (runs.isEmpty()) {
      html.append("<p id=\"history\">No run stored yet.</p>\n");
      return;
    }
    html.append("<table id=\"history\">\n<tr><th>Run</th><th>Started</th><th>Verdict</th>")
        .append("<th>Took</th><th>Failing or warning</th></tr>\n");
    for (History.Run run : runs) {
      String verdict = h(run.verdict());
      html.append("<tr><td>")
          .append(run.id())
          .append("</td><td>")
          .append(run.startedAt())
          .append("</td><td class=\"")
          .append(verdict)
          .append("\">")
          .append(verdict)
          .append("</td><td>")
          .append(run.durationMs())
          .append(" ms</td><td>")
          .append(run.problems().size())
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String h(@Nullable String text) {
    return Markup.html(text == null ? null : Display.line(text));
  }
}
