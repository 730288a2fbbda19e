package dev.preflight.policy;

import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Endpoint;
import dev.preflight.cli.Main;
import dev.preflight.policy.allowlist.AllowlistEvaluator;
import dev.preflight.policy.squid.SquidEvaluator;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times the offline evaluators after JVM start-up, for {@code bench/analyze-bench.sh}: the load
 * (parse and index) of each file, then evaluations of the whole shipped catalog, then the whole
 * {@code analyze} command in-process. Prints milliseconds; asserts nothing.
 */
public final class AnalyzeBench {
  private static final int RUNS = 50;

  private AnalyzeBench() {}

  public static void main(String[] args) {
    Path allowlist = Path.of(args[0]);
    Path squid = Path.of(args[1]);
    List<Endpoint> catalog = CatalogLoader.shipped().endpoints();
    System.out.printf("catalog: %d endpoints, %d runs each%n", catalog.size(), RUNS);
    bench("allowlist", () -> AllowlistEvaluator.load(allowlist), catalog);
    bench("squid", () -> SquidEvaluator.load(squid, Optional.empty(), ConfigRoot.none()), catalog);
    command("analyze --allowlist", "--allowlist", allowlist.toString());
    command("analyze --squid", "--squid", squid.toString());
  }

  private static void bench(String label, Supplier<PolicyEvaluator> load, List<Endpoint> all) {
    long start = System.nanoTime();
    PolicyEvaluator evaluator = load.get();
    double loadMs = millis(start);
    start = System.nanoTime();
    evaluator.evaluate(all);
    double firstMs = millis(start);
    double[] runs = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      start = System.nanoTime();
      evaluator.evaluate(all);
      runs[i] = millis(start);
    }
    System.out.printf(
        "%-22s load %8.1f ms   first evaluation %7.2f ms   then median %7.3f ms per catalog%n",
        label, loadMs, firstMs, median(runs));
  }

  private static void command(String label, String option, String file) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    double[] runs = new double[5];
    int code = 0;
    for (int i = 0; i < runs.length; i++) {
      long start = System.nanoTime();
      code = Main.run(sink, sink, "analyze", option, file, "--format", "json");
      runs[i] = millis(start);
    }
    System.out.printf(
        "%-22s whole command in-process: first %7.1f ms, median %7.1f ms (exit %d)%n",
        label, runs[0], median(runs), code);
  }

  private static double millis(long start) {
    return (System.nanoTime() - start) / 1_000_000.0;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
