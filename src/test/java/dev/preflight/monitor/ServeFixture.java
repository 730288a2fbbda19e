package dev.preflight.monitor;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.probe.ProbeListener;
import dev.preflight.run.CheckRun;
import dev.preflight.run.CheckSettings;
import dev.preflight.run.ProgressListener;
import dev.preflight.run.SystemCheck;
import dev.preflight.testing.DnsTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link Monitor} on loopback for tests: the shipped catalog plus two lab entries, {@code
 * lab-open} (a TCP listener that counts the connections it accepts) and {@code lab-closed} (a port
 * nothing listens on) and {@code lab-silent} (a name the DNS responder never answers, so every run
 * and every probe of it takes the 2 s timeout); every other name is answered NXDOMAIN by a loopback
 * DNS responder that counts its queries. {@link #breakOpen()} closes the listener: the fault
 * between two runs.
 */
final class ServeFixture implements AutoCloseable {
  final DnsTestServer dns = new DnsTestServer();
  final List<String> log = new CopyOnWriteArrayList<>();
  final Monitor monitor;
  final Path dataDir;
  private final ServerSocket open;
  private final AtomicInteger accepted = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServeFixture(Path dir, Duration interval, Access access) throws IOException {
    this.dataDir = dir.resolve("data");
    this.open = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Path catalogFile =
        Files.writeString(
            dir.resolve("lab.yaml"),
            """
            services:
              - id: lab
                name: "<b>Loopback</b> lab & friends"
                consequence: Nothing; these endpoints exist for tests.
            endpoints:
              - id: lab-open
                service: lab
                host: "127.0.0.1"
                protocol: tcp
                ports: [%d]
                impact: BLOCKING
                source: {page: loopback lab, date: 2026-11-26}
              - id: lab-closed
                service: lab
                host: "127.0.0.1"
                protocol: tcp
                ports: [%d]
                impact: DEGRADED
                source: {page: loopback lab, date: 2026-11-26}
              - id: lab-silent
                service: lab
                host: silent.lab.test
                protocol: tcp
                ports: [443]
                impact: DEGRADED
                source: {page: loopback lab, date: 2026-11-26}
            """
                .formatted(open.getLocalPort(), closed));
    dns.mode("silent.lab.test", DnsTestServer.Mode.SILENT);
    Catalog catalog = CatalogLoader.load(List.of(catalogFile));
    CheckSettings settings =
        CheckSettings.builder()
            .timeout(Duration.ofSeconds(2))
            .dnsServer(new InetSocketAddress("127.0.0.1", dns.address().getPort()))
            .build();
    CheckRun check =
        SystemCheck.create(SystemCheck.context(settings, ProbeListener.NONE), "0.1.0-test");
    ServeSettings serve =
        new ServeSettings(
            new InetSocketAddress("127.0.0.1", 0), interval, dataDir, Duration.ofDays(30), access);
    monitor =
        new Monitor(
            (c, s) -> check.run(c, s, ProgressListener.NONE),
            catalog,
            settings,
            serve,
            History.open(dataDir),
            log::add,
            Clock.systemUTC());
    monitor.start();
  }

  /** Connections the {@code lab-open} listener accepted so far. */
  int accepted() {
    return accepted.get();
  }

  /**
   * Closes the {@code lab-open} listener and waits until a connection to it is refused, so the next
   * run finds it refused. The wait matters: while the accepting thread is still blocked in {@code
   * accept}, the close may be deferred, and the kernel keeps completing handshakes for the
   * listening socket in the meantime, and resets those it completed once the close happens.
   */
  void breakOpen() throws IOException, InterruptedException {
    int port = open.getLocalPort();
    open.close();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
      } catch (java.net.ConnectException refused) {
        return;
      } catch (java.net.SocketException resetWhileClosing) {
        // a handshake the kernel completed before the close is reset by it: not refused yet
      } catch (java.net.SocketTimeoutException backlogFull) {
        // the close has not happened yet and its backlog is full, so the SYN went unanswered
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("127.0.0.1:" + port + " still accepts after close");
  }

  /** Waits until {@code count} runs have been logged. */
  void awaitRuns(int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (log.stream().filter(l -> l.contains(": run ")).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " runs within " + limit + ": " + log);
      }
      Thread.sleep(50);
    }
  }

  URI uri(String pathAndQuery) {
    InetSocketAddress address = monitor.address();
    return URI.create("http://127.0.0.1:" + address.getPort() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void accept() {
    while (!open.isClosed()) {
      try {
        Socket socket = open.accept();
        accepted.incrementAndGet();
        socket.close();
      } catch (IOException e) {
        // closed: the fault
      }
    }
  }

  @Override
  public void close() throws IOException {
    monitor.close();
    open.close();
    dns.close();
  }
}
