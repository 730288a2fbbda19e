package dev.preflight.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.DnsTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class cache with the real jar and the JDK that runs the tests: a check trains it,
 * the next run uses it, and neither a damaged cache nor the JVM's cache messages reach the output.
 * Every name is NXDOMAIN from a loopback resolver, so nothing leaves the machine.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherClassCacheIT {
  @TempDir Path root;
  private LauncherSandbox sandbox;
  private Path classes;

  @BeforeEach
  void layOut() throws Exception {
    sandbox = new LauncherSandbox(root);
    Path jar = Path.of(System.getProperty("preflight.jar", "target/preflight.jar"));
    Files.copy(jar, sandbox.app.resolve("lib/preflight.jar"), StandardCopyOption.REPLACE_EXISTING);
    String javaHome = System.getProperty("java.home");
    sandbox.env.put("JAVA_HOME", javaHome);
    boolean aot = Runtime.version().feature() >= 25;
    classes = root.resolve("cache/preflight/classes." + (aot ? "aot" : "jsa"));
  }

  @Test
  void aCheckTrainsTheCacheAndLaterRunsUseItWithTheSameOutput() throws Exception {
    try (DnsTestServer dns = new DnsTestServer()) {
      String[] check = {
        "check",
        "--dns-server",
        "127.0.0.1:" + dns.address().getPort(),
        "--timeout",
        "3s",
        "--format",
        "json"
      };
      LauncherSandbox.Result training = sandbox.preflight(check);
      assertThat(training.exitCode()).isEqualTo(2);
      assertThat(training.out()).startsWith("{").contains("\"verdict\" : \"BLOCKED\"");
      // The JVM reports a recorded AOT configuration on standard output; not into the report.
      assertThat(training.out().strip()).endsWith("}");
      assertNoJvmMessages(training.err());
      awaitFile(classes);

      sandbox.env.put("PREFLIGHT_LAUNCHER_DEBUG", "1");
      LauncherSandbox.Result cached = sandbox.preflight(check);
      assertThat(cached.exitCode()).isEqualTo(2);
      assertThat(cached.out()).startsWith("{").contains("\"verdict\" : \"BLOCKED\"");
      assertThat(cached.err()).startsWith("preflight: running ").contains("=" + classes + " ");
      assertNoJvmMessages(cached.err());
    }
  }

  @Test
  void aDamagedCacheIsIgnoredSilently() throws Exception {
    Files.createDirectories(classes.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin/java").toString();
    Files.writeString(
        classes.resolveSibling(classes.getFileName() + ".for"),
        java + " " + sandbox.app.resolve("lib/preflight.jar") + "\n");
    for (String damage : new String[] {"", "not a class cache at all\n".repeat(4096)}) {
      Files.writeString(classes, damage);
      LauncherSandbox.touch(classes, 5);
      sandbox.env.put("PREFLIGHT_LAUNCHER_DEBUG", "1");

      LauncherSandbox.Result run = sandbox.preflight("--version");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).matches("preflight \\d+\\.\\d+\\.\\d+\n");
      assertThat(run.err())
          .as("the cache was offered, and nothing said about it")
          .contains(classes.toString());
      assertThat(run.err().lines()).hasSize(1);
    }
  }

  /** No line from the JVM about its cache (or anything else) reaches the user. */
  private static void assertNoJvmMessages(String stderr) {
    assertThat(stderr.lines().filter(line -> !line.startsWith("preflight: running ")))
        .noneMatch(line -> line.matches(".*(\\[(warning|error|info)\\]|AOT|CDS|shared archive).*"));
  }

  /** Waits for the cache, which on JDK 25+ is written in the background after the training run. */
  private static void awaitFile(Path path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(path) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(path).exists();
  }
}
