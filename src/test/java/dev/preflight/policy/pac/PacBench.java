package dev.preflight.policy.pac;

import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.common.InputException;
import dev.preflight.policy.PolicyDecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints PAC evaluation times: the whole shipped catalog against a realistic enterprise PAC (cold
 * and warm), and how long each hostile sandbox fixture takes to be stopped. Run by
 * bench/pac-eval.sh; not a test.
 */
public final class PacBench {
  private PacBench() {}

  public static void main(String[] args) throws IOException {
    Path pac = Path.of(args.length > 0 ? args[0] : "bench/enterprise.pac");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    List<Endpoint> endpoints = CatalogLoader.shipped().endpoints();

    long start = System.nanoTime();
    long cpuStart = processCpu();
    PacEvaluator evaluator = PacEvaluator.load(PacScript.fromFile(pac), PacEnvironment.defaults());
    long loaded = System.nanoTime();
    long cpuLoaded = processCpu();
    List<PolicyDecision> decisions = evaluator.evaluate(endpoints);
    long cold = System.nanoTime();
    long cpuCold = processCpu();
    System.out.printf(
        "%s: %d lines; catalog: %d endpoints (%d evaluated as web requests)%n",
        pac, Files.readAllLines(pac).size(), endpoints.size(), webCount(decisions));
    System.out.printf(
        "load (first engine in this JVM)      %8.1f ms  (process CPU %.1f ms)%n",
        ms(loaded - start), ms(cpuLoaded - cpuStart));
    System.out.printf(
        "whole catalog, first pass (cold JIT) %8.1f ms  (process CPU %.1f ms)%n",
        ms(cold - loaded), ms(cpuCold - cpuLoaded));

    List<Double> warm = new ArrayList<>();
    long cpuWarm = processCpu();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      evaluator.evaluate(endpoints);
      warm.add(ms(System.nanoTime() - t));
    }
    double cpuPerRun = ms(processCpu() - cpuWarm) / runs;
    Collections.sort(warm);
    double median = warm.get(warm.size() / 2);
    System.out.printf(
        "whole catalog, warm (%d runs)         min %6.1f ms  median %6.1f ms  max %6.1f ms"
            + "  (%.3f ms per call; process CPU %.1f ms per pass)%n",
        runs, warm.get(0), median, warm.get(warm.size() - 1), median / endpoints.size(), cpuPerRun);
    sandbox(Path.of("src/test/resources/pac/sandbox"));
  }

  private static long webCount(List<PolicyDecision> decisions) {
    return decisions.stream().filter(d -> d.route() != null || !d.fallbacks().isEmpty()).count();
  }

  private static void sandbox(Path dir) throws IOException {
    System.out.println("hostile scripts: time until stopped (limit 1 s CPU, 1.5 s wall)");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted().toList();
    }
    for (Path file : files) {
      long t = System.nanoTime();
      String outcome;
      try {
        PacEngine.load(PacScript.fromFile(file)).findProxy("https://a.example/", "a.example");
        outcome = "answered (not hostile)";
      } catch (InputException e) {
        outcome = e.reason();
      }
      System.out.printf(
          "  %-24s %7.1f ms  %s%n",
          file.getFileName(), ms(System.nanoTime() - t), shorten(outcome));
    }
  }

  private static String shorten(String text) {
    return text.length() > 90 ? text.substring(0, 90) + "…" : text;
  }

  /** CPU time of the whole process (JIT and GC threads included), for numbers on a busy host. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
