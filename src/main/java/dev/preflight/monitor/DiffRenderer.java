package dev.preflight.monitor;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.common.Display;
import dev.preflight.common.Json;
import dev.preflight.report.Markup;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Prints a {@link ReportDiff} as text, JSON or Markdown. Every value that came from a report passes
 * {@link Display} first; Markdown escapes on top of that.
 */
public final class DiffRenderer {
  /** The output formats of {@code preflight diff}. */
  public enum Format {
    TEXT,
    JSON,
    MARKDOWN;

    /** The spelling used with {@code --format}, in help and in completion. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private DiffRenderer() {}

  public static void render(ReportDiff diff, Format format, Writer out) throws IOException {
    switch (format) {
      case TEXT -> text(diff, out);
      case JSON -> json(diff, out);
      case MARKDOWN -> markdown(diff, out);
    }
    out.flush();
  }

  /** How the verdict moved, in words: {@code READY -> BLOCKED (worse)}. */
  public static String verdictLine(ReportDiff diff) {
    return diff.before().verdict() + " -> " + diff.after().verdict() + " (" + movement(diff) + ")";
  }

  /**
   * One change as {@code PASS -> FAIL TCP_TIMEOUT}, {@code new, FAIL ...}, {@code 12 ms -> ...}.
   */
  public static String describe(ReportDiff.Change change) {
    ReportSummary.Endpoint before = change.before();
    ReportSummary.Endpoint after = change.after();
    return switch (change.kind()) {
      case ADDED -> "new, " + state(after);
      case REMOVED -> "gone (was " + state(before) + ")";
      case STATUS, CAUSE -> state(before) + " -> " + state(after);
      case SLOWER, FASTER -> millis(before) + " -> " + millis(after);
    };
  }

  /** The closing sentence, with the exit code {@code diff} returns. */
  public static String outcome(ReportDiff diff) {
    int count = diff.changes().size();
    String changed =
        count == 0 ? "No endpoint changed" : count + (count == 1 ? " endpoint" : " endpoints");
    return (count == 0 ? changed : changed + " changed")
        + (diff.worse()
            ? "; something got worse (exit code 1)."
            : "; nothing got worse (exit code 0).");
  }

  private static void text(ReportDiff diff, Writer out) throws IOException {
    out.write("Verdict: " + verdictLine(diff) + "\n");
    out.write("Before:  " + about(diff.before()) + "\n");
    out.write("After:   " + about(diff.after()) + "\n");
    for (ReportDiff.Change change : diff.changes()) {
      ReportSummary.Endpoint e = change.endpoint();
      out.write(
          String.format(
              "  %-8s %s (%s): %s%s%n",
              kind(change),
              line(e.id()),
              line(e.target()),
              describe(change),
              change.worse() ? " (worse)" : ""));
      if (change.worse() && e.remedy() != null) {
        out.write("           Remedy: " + line(e.remedy()) + "\n");
      }
    }
    out.write(outcome(diff) + "\n");
  }

  private static void markdown(ReportDiff diff, Writer out) throws IOException {
    out.write("## preflight diff: " + verdictLine(diff) + "\n\n");
    out.write("| | before | after |\n| --- | --- | --- |\n");
    out.write(row("report", diff.before().source(), diff.after().source()));
    out.write(row("started", "" + diff.before().startedAt(), "" + diff.after().startedAt()));
    out.write(row("verdict", "" + diff.before().verdict(), "" + diff.after().verdict()));
    if (!diff.changes().isEmpty()) {
      out.write("\n| change | endpoint | what changed | remedy |\n| --- | --- | --- | --- |\n");
      for (ReportDiff.Change change : diff.changes()) {
        ReportSummary.Endpoint e = change.endpoint();
        out.write(
            "| "
                + (change.worse() ? "**" + kind(change) + " (worse)**" : kind(change))
                + " | `"
                + line(e.id()).replace("`", "")
                + "` "
                + cell(e.target())
                + " | "
                + cell(describe(change))
                + " | "
                + (change.worse() ? cell(e.remedy()) : "")
                + " |\n");
      }
    }
    out.write("\n" + outcome(diff) + "\n");
  }

  private static void json(ReportDiff diff, Writer out) throws IOException {
    JsonGenerator json = Json.writer(out);
    json.writeStartObject();
    report(json, "before", diff.before());
    report(json, "after", diff.after());
    json.writeObjectFieldStart("verdict");
    json.writeStringField("before", diff.before().verdict().name());
    json.writeStringField("after", diff.after().verdict().name());
    json.writeStringField("change", movement(diff));
    json.writeEndObject();
    json.writeBooleanField("worse", diff.worse());
    json.writeNumberField("thresholdMs", diff.threshold().toMillis());
    json.writeArrayFieldStart("changes");
    for (ReportDiff.Change change : diff.changes()) {
      ReportSummary.Endpoint e = change.endpoint();
      json.writeStartObject();
      json.writeStringField("kind", kind(change));
      json.writeStringField("id", e.id());
      json.writeStringField("host", e.host());
      json.writeStringField("target", e.target());
      json.writeStringField("service", e.service());
      json.writeBooleanField("worse", change.worse());
      side(json, "before", change.before());
      side(json, "after", change.after());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
    out.write("\n");
  }

  private static void report(JsonGenerator json, String field, ReportSummary report)
      throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("source", report.source());
    json.writeStringField("mode", report.mode());
    json.writeStringField("startedAt", report.startedAt().toString());
    json.writeStringField("verdict", report.verdict().name());
    json.writeEndObject();
  }

  private static void side(JsonGenerator json, String field, ReportSummary.@Nullable Endpoint e)
      throws IOException {
    if (e == null) {
      json.writeNullField(field);
      return;
    }
    json.writeObjectFieldStart(field);
    json.writeStringField("status", e.status().name());
    Json.stringOrNullField(json, "cause", e.cause());
    json.writeStringField("detail", e.detail());
    Json.stringOrNullField(json, "remedy", e.remedy());
    if (e.totalMs() == null) {
      json.writeNullField("totalMs");
    } else {
      json.writeNumberField("totalMs", e.totalMs());
    }
    json.writeEndObject();
  }

  private static String movement(ReportDiff diff) {
    return diff.verdictWorse() ? "worse" : diff.verdictBetter() ? "better" : "same";
  }

  private static String kind(ReportDiff.Change change) {
    return change.kind().name().toLowerCase(Locale.ROOT);
  }

  private static String about(ReportSummary report) {
    return line(report.source()) + ", " + report.mode() + " started " + report.startedAt();
  }

  private static String state(ReportSummary.@Nullable Endpoint e) {
    if (e == null) {
      return "";
    }
    return e.cause() == null ? e.status().name() : e.status() + " " + line(e.cause());
  }

  private static String millis(ReportSummary.@Nullable Endpoint e) {
    return e == null || e.totalMs() == null ? "?" : e.totalMs() + " ms";
  }

  private static String row(String label, String before, String after) {
    return "| " + label + " | " + cell(before) + " | " + cell(after) + " |\n";
  }

  private static String cell(@Nullable String text) {
    return Markup.markdownCell(text == null ? null : Display.line(text));
  }

  private static String line(String text) {
    return Display.line(text);
  }
}
