package dev.preflight.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM options and class cache, with fake JDKs that write the files the JVM would:
 * the cache is trained on the first {@code check}, used by every later run, trained again when the
 * jar or the JDK changes, never kept from a run without a verdict.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LauncherClassCacheTest {
  @TempDir Path root;
  private LauncherSandbox sandbox;
  private Path cache;

  @BeforeEach
  void layOut() throws Exception {
    sandbox = new LauncherSandbox(root);
    cache = root.resolve("cache/preflight");
  }

  @Test
  void theFirstCheckTrainsAnAotCacheThatLaterRunsUseUntilTheJarChanges() throws Exception {
    Path jdk = sandbox.jdk("jdk-25", "25.0.1");
    Path aot = cache.resolve("classes.aot");

    assertThat(sandbox.preflight("--version").out()).doesNotContain("AOT");
    assertThat(aot).doesNotExist();

    String training = sandbox.preflight("check", "--timeout", "5s").out();
    assertThat(training)
        .contains(" -XX:AOTMode=record -XX:AOTConfiguration=" + aot + ".")
        .endsWith(" -Xlog:aot*=off -Xlog:cds*=off -jar " + jar() + " check --timeout 5s\n");
    awaitFile(aot);
    assertThat(Files.readString(cache.resolve("classes.aot.for")))
        .isEqualTo(jdk.resolve("bin/java") + " " + jar() + "\n");
    assertThat(leftovers()).isEmpty();

    assertThat(sandbox.preflight("--version").out())
        .contains(
            " -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2 -XX:UserThreadWaitAttemptsAtExit=0 -XX:AOTCache="
                + aot
                + " -Xlog:aot*=off ")
        .endsWith(" --version\n");

    FileTime trained = Files.getLastModifiedTime(aot);
    LauncherSandbox.touch(sandbox.app.resolve("lib/preflight.jar"), 5);
    assertThat(sandbox.preflight("--version").out()).doesNotContain("AOTCache");
    assertThat(sandbox.preflight("check").out()).contains("-XX:AOTMode=record");
    awaitReplaced(aot, trained);
    awaitNoLeftovers();
  }

  @Test
  void serveAloneKeepsTheC2Compiler() throws Exception {
    sandbox.jdk("jdk-25", "25.0.1");

    assertThat(sandbox.preflight("serve", "--interval", "5m").out())
        .startsWith(
            "java-jdk-25 -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2 -XX:UserThreadWaitAttemptsAtExit=0 -jar ")
        .endsWith(" serve --interval 5m\n");
    assertThat(sandbox.preflight("export").out())
        .startsWith(
            "java-jdk-25 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2 -XX:UserThreadWaitAttemptsAtExit=0 -jar ");
  }

  @Test
  void aJdkBefore25TrainsAnAppCdsArchiveAtExit() throws Exception {
    sandbox.jdk("jdk-21", "21.0.4");
    Path jsa = cache.resolve("classes.jsa");

    assertThat(sandbox.preflight("check").out())
        .contains(" -XX:ArchiveClassesAtExit=" + jsa + ".")
        .contains(" -Xlog:cds=off -Xlog:cds+dynamic=off -jar ");
    assertThat(jsa).exists();
    assertThat(leftovers()).isEmpty();

    assertThat(sandbox.preflight("check").out())
        .contains(" -XX:SharedArchiveFile=" + jsa + " -Xlog:cds=off ");
  }

  @Test
  void aCacheTrainedWithAnotherJdkIsTrainedAgain() throws Exception {
    Path jdk21 = sandbox.jdk("jdk-21", "21.0.4");
    sandbox.env.put("JAVA_HOME", jdk21.toString());
    sandbox.preflight("check");
    assertThat(sandbox.preflight("check").out()).contains("-XX:SharedArchiveFile=");

    Path other = sandbox.jdk("jdk-21b", "21.0.5");
    sandbox.env.put("JAVA_HOME", other.toString());
    assertThat(sandbox.preflight("check").out())
        .startsWith("java-jdk-21b ")
        .contains("-XX:ArchiveClassesAtExit=");
  }

  @Test
  void aRunWithoutAVerdictLeavesNoCache() throws Exception {
    sandbox.jdk("jdk-21", "21.0.4");
    sandbox.env.put("FAKE_JAVA_EXIT", "3");

    LauncherSandbox.Result run = sandbox.preflight("check", "--no-such-option");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(cache.resolve("classes.jsa")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  private String jar() {
    return sandbox.app.resolve("lib/preflight.jar").toString();
  }

  /** Partial files: anything in the cache folder but the JDK choice and a finished cache. */
  private List<Path> leftovers() throws Exception {
    try (Stream<Path> files = Files.list(cache)) {
      return files
          .filter(p -> !p.getFileName().toString().matches("jdk|classes\\.(aot|jsa)(\\.for)?"))
          .toList();
    }
  }

  /** Waits for the background step that writes the AOT cache to clean up after itself. */
  private void awaitNoLeftovers() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!leftovers().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(leftovers()).isEmpty();
  }

  /** Waits for the background step of a new training run to put its cache in place of the old. */
  private static void awaitReplaced(Path path, FileTime old) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Files.getLastModifiedTime(path).equals(old) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.getLastModifiedTime(path)).isNotEqualTo(old);
  }

  /** Waits for the background step that writes the AOT cache after the training run. */
  private static void awaitFile(Path path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(path) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(path).exists();
  }
}
