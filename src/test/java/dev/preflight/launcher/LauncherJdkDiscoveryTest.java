package dev.preflight.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code ./preflight} picks its Java: the real launcher and {@code launcher/find-jdk.sh} run
 * against a fake JDK folder (in the role of {@code /usr/lib/jvm}) whose {@code java} scripts print
 * who they are.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LauncherJdkDiscoveryTest {
  @TempDir Path root;
  private LauncherSandbox sandbox;

  @BeforeEach
  void layOut() throws Exception {
    sandbox = new LauncherSandbox(root);
  }

  private String jar() {
    return sandbox.app.resolve("lib/preflight.jar").toString();
  }

  @Test
  void theNewestJdkInTheFoldersWinsOverAnOldJavaOnPathAndAnOldJavaHome() throws Exception {
    Path old = sandbox.jdk("jdk-17", "17.0.15");
    sandbox.jdk("jdk-21", "21.0.4");
    sandbox.jdk("jdk-25", "25.0.1");
    sandbox.onPath(old);
    sandbox.env.put("JAVA_HOME", old.toString());

    LauncherSandbox.Result run = sandbox.preflight("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            "java-jdk-25 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmn32m -XX:SurvivorRatio=2"
                + " -XX:UserThreadWaitAttemptsAtExit=0 -jar "
                + jar()
                + " --version\n");
    assertThat(sandbox.versionQueries()).as("versions come from release files").isZero();
  }

  @Test
  void javaHomeWinsWhenItIsTwentyOneOrNewer() throws Exception {
    Path jdk21 = sandbox.jdk("jdk-21", "21.0.4");
    sandbox.jdk("jdk-25", "25.0.1");
    sandbox.env.put("JAVA_HOME", jdk21.toString());

    assertThat(sandbox.preflight("--version").out())
        .startsWith("java-jdk-21 ")
        .as("JDK 21 has no option for the wait at exit, and would refuse to start with it")
        .doesNotContain("UserThreadWaitAttemptsAtExit");
  }

  @Test
  void theJavaOnPathWinsOverTheFoldersAndIsAskedItsVersionOnceWhenItHasNoReleaseFile()
      throws Exception {
    Path unreleased = sandbox.jdk(root.resolve("elsewhere/jdk"), "path-jdk", null, true);
    sandbox.jdk("jdk-25", "25.0.1");
    sandbox.onPath(unreleased);

    assertThat(sandbox.preflight("--version").out()).startsWith("java-path-jdk ");
    assertThat(sandbox.preflight("catalog", "list").out())
        .startsWith("java-path-jdk ")
        .endsWith(" catalog list\n");
    assertThat(sandbox.versionQueries()).as("the second run reads the cache").isEqualTo(1);
  }

  @Test
  void aJreWithoutJavacIsPassedOver() throws Exception {
    sandbox.jdk("jdk-21", "21.0.4");
    sandbox.jdk(sandbox.jdks.resolve("jre-25"), "jre-25", "25.0.1", false);

    assertThat(sandbox.preflight("--version").out())
        .startsWith("java-jdk-21 ")
        .as("JDK 21 has no option for the wait at exit, and would refuse to start with it")
        .doesNotContain("UserThreadWaitAttemptsAtExit");
  }

  @Test
  void theCacheHoldsUntilAJdkFolderChangesOrTheJdkDisappears() throws Exception {
    Path jdk25 = sandbox.jdk("jdk-25", "25.0.1");
    sandbox.jdk("jdk-21", "21.0.4");
    assertThat(sandbox.preflight("--version").out()).startsWith("java-jdk-25 ");

    sandbox.jdk("jdk-26", "26");
    LauncherSandbox.touch(sandbox.jdks, -3600);
    assertThat(sandbox.preflight("--version").out())
        .as("a folder that looks unchanged: the cached answer")
        .startsWith("java-jdk-25 ");

    LauncherSandbox.touch(sandbox.jdks, 5);
    assertThat(sandbox.preflight("--version").out())
        .as("a JDK was added")
        .startsWith("java-jdk-26 ");

    deleteTree(sandbox.jdks.resolve("jdk-26"));
    LauncherSandbox.touch(sandbox.jdks, -3600);
    assertThat(sandbox.preflight("--version").out())
        .as("the cached JDK is gone")
        .startsWith("java-jdk-25 ");

    Files.writeString(jdk25.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
    LauncherSandbox.touch(jdk25.resolve("release"), 5);
    assertThat(sandbox.preflight("--version").out())
        .as("the cached JDK was replaced in place by an older one")
        .startsWith("java-jdk-21 ");
  }

  @Test
  void withoutAJdk21TheLauncherSaysWhereItLookedAndExitsWithThree() throws Exception {
    sandbox.onPath(sandbox.jdk("jdk-17", "17.0.15"));

    LauncherSandbox.Result run = sandbox.preflight("--version");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("preflight: no JDK 21 or newer found (looked at JAVA_HOME, PATH and ")
        .contains(sandbox.jdks.toString());
  }

  @Test
  void theBundledRuntimeIsUsedWhateverElseIsInstalled() throws Exception {
    Path jdk25 = sandbox.jdk("jdk-25", "25.0.1");
    sandbox.jdk(sandbox.app.resolve("runtime"), "bundled", "25.0.1", false);
    sandbox.env.put("JAVA_HOME", jdk25.toString());
    sandbox.env.put("PATH", "");

    LauncherSandbox.Result run = sandbox.preflight("--version");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("java-bundled ").endsWith(" -jar " + jar() + " --version\n");
  }

  @Test
  void theMavenWrapperPicksTheSameJdkAsTheLauncher() throws Exception {
    Path old = sandbox.jdk("jdk-17", "17.0.15");
    sandbox.jdk("jdk-25", "25.0.1");
    sandbox.onPath(old);
    FakeMaven.install(sandbox, root.resolve("m2"));

    LauncherSandbox.Result run = sandbox.run(sandbox.app.resolve("mvnw"), "verify");

    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            "mvn verify with JAVA_HOME="
                + sandbox.jdks.resolve("jdk-25")
                + " MAVEN_OPTS= --sun-misc-unsafe-memory-access=allow\n");
    assertThat(run.exitCode()).isZero();
  }

  private static void deleteTree(Path path) throws Exception {
    try (var walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
