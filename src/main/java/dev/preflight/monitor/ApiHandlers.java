package dev.preflight.monitor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import dev.preflight.common.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code GET /api/report}: the last run's report, the contract's JSON exactly as {@code check
 * --format json} writes it (503 until a run has finished). {@code GET /api/history[?limit=N]}: the
 * newest runs first (at most {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} unless asked), each with
 * its id, start, duration, verdict and the endpoints that failed or warned.
 */
final class ApiHandlers {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final String JSON = "application/json; charset=utf-8";

  private ApiHandlers() {}

  static void report(Monitor monitor, HttpExchange exchange) throws IOException {
    RunState state = monitor.state();
    if (state == null) {
      MonitorServer.plain(exchange, 503, "no run has finished yet");
      return;
    }
    MonitorServer.send(exchange, 200, JSON, state.json());
  }

  static void history(Monitor monitor, HttpExchange exchange) throws IOException {
    Integer limit = limit(exchange.getRequestURI().getRawQuery());
    if (limit == null) {
      MonitorServer.plain(exchange, 400, "limit must be a number from 1 to " + MAX_LIMIT);
      return;
    }
    List<History.Run> runs;
    try {
      runs = monitor.history().runs(limit);
    } catch (SQLException e) {
      MonitorServer.plain(exchange, 500, HistoryErrors.reason(e));
      return;
    }
    MonitorServer.send(exchange, 200, JSON, json(runs));
  }

  private static Integer limit(String query) {
    if (query == null || query.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    if (!query.matches("limit=\\d{1,4}")) {
      return null;
    }
    int limit = Integer.parseInt(query.substring("limit=".length()));
    return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
  }

  static String json(List<History.Run> runs) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.writer(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("runs");
      for (History.Run run : runs) {
        json.writeStartObject();
        json.writeNumberField("id", run.id());
        json.writeStringField("startedAt", run.startedAt().toString());
        json.writeNumberField("durationMs", run.durationMs());
        json.writeStringField("verdict", run.verdict());
        json.writeArrayFieldStart("problems");
        for (History.Problem problem : run.problems()) {
          json.writeStartObject();
          json.writeStringField("id", problem.id());
          json.writeStringField("host", problem.host());
          json.writeStringField("status", problem.status());
          json.writeStringField("cause", problem.cause());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out + "\n";
  }
}
