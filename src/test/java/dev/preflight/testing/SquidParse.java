package dev.preflight.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code squid -k parse} on a minimal squid.conf that includes a fragment. The squid
 * binary is required: without it the test fails with a message saying how to install it.
 */
public final class SquidParse {
  public static final Path SQUID = Path.of("/usr/sbin/squid");
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** What squid said: its exit code and its combined output. */
  public record Result(int exitCode, String output) {}

  private SquidParse() {}

  /** Parses a squid.conf that includes {@code fragment}, written into {@code dir}. */
  public static Result parseFragment(Path dir, String fragment) {
    if (!Files.isExecutable(SQUID)) {
      fail(SQUID + " is missing: install the Debian package squid-openssl (.ci/run does)");
    }
    try {
      Path fragmentFile = Files.writeString(dir.resolve("preflight.conf"), fragment);
      Path conf = dir.resolve("squid.conf");
      Files.writeString(
          conf,
          String.join(
              "\n",
              "http_port 127.0.0.1:3128",
              "pid_filename none",
              "cache_log " + dir.resolve("cache.log"),
              "access_log none",
              "include " + fragmentFile,
              "http_access deny all",
              ""),
          StandardCharsets.UTF_8);
      return run(conf, dir.resolve("squid.out"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result run(Path conf, Path output) throws IOException {
    Process process =
        new ProcessBuilder(SQUID.toString(), "-k", "parse", "-f", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        fail("squid -k parse did not finish within " + DEADLINE);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      fail("interrupted while waiting for squid");
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /** Asserts that squid accepted the configuration without errors or warnings. */
  public static void assertClean(Result result) {
    assertThat(result.exitCode())
        .as("squid -k parse exit code; output:%n%s", result.output())
        .isZero();
    assertThat(result.output()).doesNotContain("ERROR", "WARNING", "FATAL", "Bungled");
  }
}
