package dev.preflight.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code preflight check} — the built jar, in a JVM of its own — inside the lab's
 * client namespace, with the lab catalog, the lab root CA and a JSON report. The run has a
 * deadline: a run that outlives it is killed and the test fails.
 */
final class Preflight {
  /**
   * Generous, because a cold JVM probing ~90 endpoints at once on a busy two-core machine can take
   * several seconds for handshakes that are instant when idle; faults that end in a timeout cost
   * this much each.
   */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration RUN_DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Lab lab;

  Preflight(Lab lab) {
    this.lab = lab;
  }

  /** Runs {@code preflight check} with the lab's options plus {@code extraArgs}. */
  CheckRun check(String... extraArgs) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", Lab.CLIENT_NAMESPACE));
    command.addAll(List.of(java(), "-jar", jar().toString(), "check"));
    command.addAll(List.of("--catalog", lab.repository().resolve("lab/catalog.yaml").toString()));
    command.addAll(List.of("--ca-file", Lab.CA_FILE.toString(), "--format", "json"));
    command.addAll(List.of("--timeout", PROBE_TIMEOUT.toSeconds() + "s"));
    command.addAll(List.of(extraArgs));
    try {
      CheckRun run = run(command);
      System.out.printf(
          "[lab] faults: %s; check %s: %s, exit %d, run %d ms, wall %d ms%n",
          lab.faults(),
          String.join(" ", extraArgs),
          run.verdict(),
          run.exitCode(),
          run.report().path("durationMs").asLong(),
          run.took().toMillis());
      return run;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static CheckRun run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("preflight-lab-out", ".json");
    Path err = Files.createTempFile("preflight-lab-err", ".txt");
    try {
      long started = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(RUN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "preflight check did not finish within " + RUN_DEADLINE + ": " + command);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      return new CheckRun(process.exitValue(), parse(stdout, stderr), stdout, stderr, took);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static JsonNode parse(String stdout, String stderr) {
    try {
      return JSON.readTree(stdout);
    } catch (IOException e) {
      throw new AssertionError(
          "preflight did not print a JSON report\nstdout:\n" + stdout + "\nstderr:\n" + stderr, e);
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static Path jar() {
    String property = System.getProperty("preflight.jar");
    Path jar = Path.of(property == null ? "target/preflight.jar" : property).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no preflight jar at " + jar + " (run ./mvnw package)");
    }
    return jar;
  }
}
