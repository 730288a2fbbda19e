package dev.preflight.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.common.InputException;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.Verdict;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a contract JSON report ({@code check} or {@code analyze}, {@code schemaVersion} 1) back
 * into a {@link ReportSummary}. Anything else — malformed JSON, another program's JSON, a newer
 * schema, a verdict or status this version does not know — is an {@link InputException} naming the
 * source and, for syntax errors, the line. Fields it does not know are ignored, as the contract
 * asks of consumers.
 */
public final class ReportReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CAUSE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private ReportReader() {}

  /** The summary of the report {@code text}, read from {@code source} (for messages). */
  public static ReportSummary read(String text, String source) {
    JsonNode root = parse(text, source);
    if (!root.isObject() || !root.has("schemaVersion") || !root.path("services").isArray()) {
      throw new InputException(source, "is not a preflight report (no schemaVersion or services)");
    }
    int version = root.path("schemaVersion").asInt(-1);
    if (version != Report.SCHEMA_VERSION) {
      throw new InputException(
          source,
          "has report schema version "
              + root.path("schemaVersion")
              + "; this preflight reads version "
              + Report.SCHEMA_VERSION);
    }
    return new ReportSummary(
        source,
        text(root, "mode", source),
        instant(root, source),
        root.path("durationMs").asLong(0),
        named(Verdict.class, text(root, "verdict", source), "verdict", source),
        strings(root.path("warnings")),
        endpoints(root.path("services"), source));
  }

  private static JsonNode parse(String text, String source) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new InputException(source, Math.max(line, 0), "is not valid JSON", e);
    }
  }

  private static List<ReportSummary.Endpoint> endpoints(JsonNode services, String source) {
    List<ReportSummary.Endpoint> endpoints = new ArrayList<>();
    for (JsonNode service : services) {
      String name = service.path("name").asText(service.path("id").asText(""));
      for (JsonNode endpoint : service.path("endpoints")) {
        endpoints.add(endpoint(endpoint, name, source));
      }
    }
    return endpoints;
  }

  private static ReportSummary.Endpoint endpoint(JsonNode e, String service, String source) {
    String cause = optional(e, "cause");
    if (cause != null && !CAUSE.matcher(cause).matches()) {
      throw new InputException(source, "has an endpoint whose cause is not a cause code");
    }
    JsonNode total = e.path("timings").path("totalMs");
    return new ReportSummary.Endpoint(
        text(e, "id", source),
        service,
        e.path("target").asText(""),
        e.path("host").asText(""),
        named(Status.class, text(e, "status", source), "endpoint status", source),
        cause,
        e.path("detail").asText(""),
        optional(e, "remedy"),
        total.isNumber() ? total.asLong() : null);
  }

  private static String text(JsonNode node, String field, String source) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new InputException(source, "is not a preflight report (no \"" + field + "\" text)");
    }
    return value.asText();
  }

  private static @Nullable String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static Instant instant(JsonNode root, String source) {
    try {
      return Instant.parse(text(root, "startedAt", source));
    } catch (DateTimeParseException e) {
      throw new InputException(source, "has a startedAt that is not an ISO-8601 instant");
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static <E extends Enum<E>> E named(
      Class<E> type, String name, String what, String source) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      String known =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      throw new InputException(
          source,
          "has the "
              + what
              + " '"
              + dev.preflight.common.Display.line(name, 40)
              + "', which this preflight does not know ("
              + known
              + ")");
    }
  }
}
