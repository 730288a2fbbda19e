package dev.preflight.bench;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Probes;
import dev.preflight.probe.Route;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackConnector;
import dev.preflight.testing.LoopbackServer;
import dev.preflight.testing.TestCertificates;
import dev.preflight.testing.TestCertificates.Authority;
import dev.preflight.testing.TestEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Prints probe latencies on loopback and how long hostile peers can hold a probe. Run with {@code
 * bench/probes.sh}; numbers go to stdout, nothing is asserted.
 */
public final class ProbeBench {
  private static final String HOST = "bench.example.test";

  private ProbeBench() {}

  public static void main(String[] args) throws Exception {
    Authority root = TestCertificates.root("CN=Bench Root");
    try (DnsTestServer dns = new DnsTestServer().answer(HOST, "198.18.0.30");
        HttpTestServer https =
            HttpTestServer.tls(root.leaf(HOST), HttpTestServer.answer(404, "bench"));
        LoopbackServer silent = LoopbackServer.start(socket -> Thread.sleep(60_000));
        HttpTestServer slowloris = HttpTestServer.plain(ProbeBench::trickle)) {
      ProbeContext context =
          ProbeContext.system(Duration.ofSeconds(5), List.of(root.certificate()), dns.address())
              .withConnector(new LoopbackConnector());
      latency("tcp connect", 300, () -> probe(Protocol.TCP, https.port(), context));
      latency(
          "https GET (resolve+connect+tls+http)",
          300,
          () -> probe(Protocol.HTTPS, https.port(), context));
      latency("dns A+AAAA", 300, () -> probe(Protocol.DNS, 53, context));
      concurrent("dns A+AAAA, 500 at once", 500, () -> probe(Protocol.DNS, 53, context));
      concurrent(
          "https GET, 100 at once on virtual threads",
          100,
          () -> probe(Protocol.HTTPS, https.port(), context));
      ProbeContext oneSecond = context.withTimeout(Duration.ofSeconds(1));
      latency(
          "silent TLS peer, 1 s deadline",
          3,
          () -> probe(Protocol.HTTPS, silent.port(), oneSecond));
      latency(
          "slowloris headers, 1 s deadline",
          3,
          () -> probe(Protocol.HTTP, slowloris.port(), oneSecond));
    }
  }

  private static void trickle(String head, java.io.OutputStream out) throws Exception {
    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 10_000; i++) {
      out.write('x');
      out.flush();
      Thread.sleep(20);
    }
  }

  private static ProbeResult probe(Protocol protocol, int port, ProbeContext context) {
    return Probes.run(
        new ProbeTarget(TestEndpoints.of(HOST, protocol, port), Route.DIRECT), context);
  }

  private static void latency(String name, int runs, Supplier<ProbeResult> probe) {
    List<Long> micros = new ArrayList<>();
    String outcome = "";
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      ProbeResult result = probe.get();
      micros.add((System.nanoTime() - start) / 1_000);
      outcome = result.passed() ? "PASS" : result.failure().cause().name();
    }
    Collections.sort(micros);
    System.out.printf(
        Locale.ROOT,
        "%-45s runs=%4d median=%8.2f ms p95=%8.2f ms max=%8.2f ms outcome=%s%n",
        name,
        runs,
        micros.get(runs / 2) / 1000.0,
        micros.get(Math.min(runs - 1, runs * 95 / 100)) / 1000.0,
        micros.get(runs - 1) / 1000.0,
        outcome);
  }

  private static void concurrent(String name, int count, Supplier<ProbeResult> probe)
      throws Exception {
    long start = System.nanoTime();
    java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
    java.util.concurrent.atomic.AtomicLong slowest = new java.util.concurrent.atomic.AtomicLong();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ProbeResult>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        results.add(
            threads.submit(
                () -> {
                  long begin = System.nanoTime();
                  ProbeResult result = probe.get();
                  slowest.accumulateAndGet(System.nanoTime() - begin, Math::max);
                  return result;
                }));
      }
      for (Future<ProbeResult> result : results) {
        ProbeResult done = result.get();
        outcomes.merge(done.passed() ? "PASS" : done.failure().cause().name(), 1, Integer::sum);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-45s count=%4d wall=%8.2f ms slowest probe=%8.2f ms outcomes=%s%n",
        name,
        count,
        (System.nanoTime() - start) / 1e6,
        slowest.get() / 1e6,
        outcomes);
  }
}
