package dev.preflight.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * serve's HTTP side on the JDK's server: {@code /metrics}, {@code /probe}, {@code /api/report},
 * {@code /api/history} and the dashboard at {@code /}. Every request passes one gate: GET or HEAD
 * only, no body, a bounded URI, the token when one is set; any failure inside a handler is a 500
 * with one line, never a stack trace. The JDK server's own limits bound the rest: the time to read
 * a request and to send a response, the header count and size, the connections at once.
 */
final class MonitorServer implements AutoCloseable {
  static final int MAX_URI = 2048;
  private static final int THREADS = 8;

  private final HttpServer server;
  private final ExecutorService executor;

  private MonitorServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static MonitorServer start(
      Monitor monitor, InetSocketAddress listen, Access access, Duration probeTimeout)
      throws IOException {
    limitRequests(probeTimeout);
    HttpServer server = HttpServer.create(listen, 64);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "preflight-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    route(server, access, "/metrics", new MetricsHandler(monitor.registry()));
    route(server, access, "/probe", new ProbeHandler(monitor));
    route(server, access, "/api/report", exchange -> ApiHandlers.report(monitor, exchange));
    route(server, access, "/api/history", exchange -> ApiHandlers.history(monitor, exchange));
    route(server, access, "/", exchange -> Dashboard.handle(monitor, exchange));
    server.start();
    return new MonitorServer(server, executor);
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * The JDK server reads its limits once, from system properties (documented in the {@code
   * jdk.httpserver} module); values set by the user are kept.
   */
  private static void limitRequests(Duration probeTimeout) {
    long responseSeconds = Math.max(60, probeTimeout.toSeconds() * 3 + 10);
    setIfAbsent("sun.net.httpserver.maxReqTime", "10");
    setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(responseSeconds));
    setIfAbsent("sun.net.httpserver.maxReqHeaders", "64");
    setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "16384");
    setIfAbsent("jdk.httpserver.maxConnections", "64");
    setIfAbsent("sun.net.httpserver.idleInterval", "30");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private static void route(HttpServer server, Access access, String path, HttpHandler handler) {
    server.createContext(path, exchange -> gate(exchange, path, access, handler));
  }

  private static void gate(HttpExchange exchange, String context, Access access, HttpHandler next)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        plain(exchange, 405, "only GET and HEAD are served");
      } else if (hasBody(exchange)) {
        plain(exchange, 413, "requests must not have a body");
      } else if (exchange.getRequestURI().toString().length() > MAX_URI) {
        plain(exchange, 414, "the URI is longer than " + MAX_URI + " characters");
      } else if (!path.equals(context)) {
        plain(
            exchange,
            404,
            "not found; serve answers /, /metrics, /probe, /api/report, /api/history");
      } else if (!access.allows(path, exchange.getRequestHeaders())) {
        exchange
            .getResponseHeaders()
            .set("WWW-Authenticate", "Basic realm=\"preflight\", charset=\"UTF-8\"");
        plain(exchange, 401, "a valid token is needed (Authorization: Bearer TOKEN)");
      } else {
        answer(exchange, next);
      }
    }
  }

  private static void answer(HttpExchange exchange, HttpHandler next) throws IOException {
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    try {
      next.handle(exchange);
    } catch (RuntimeException e) {
      plain(exchange, 500, "internal error");
    }
  }

  private static boolean hasBody(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    return exchange.getRequestHeaders().containsKey("Transfer-Encoding")
        || (length != null && !length.strip().equals("0"));
  }

  /** Answers {@code status} with one line of plain text. */
  static void plain(HttpExchange exchange, int status, String line) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", line + "\n");
  }

  /** Answers {@code status} with {@code body}; a HEAD request gets the headers only. */
  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
