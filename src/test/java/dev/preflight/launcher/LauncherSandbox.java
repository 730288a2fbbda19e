package dev.preflight.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the launcher scripts in a temporary folder, laid out as an unpacked distribution
 * ({@code preflight}, {@code launcher/}, {@code lib/preflight.jar}), with fake JDKs: folders with a
 * {@code release} file and a {@code bin/java} script that prints {@code java-NAME} and its
 * arguments. The scripts run with a clean environment: only what a test sets, plus a PATH that
 * leads to the fake {@code java} first.
 */
final class LauncherSandbox {
  private static final Path REPOSITORY = Path.of("").toAbsolutePath();

  final Path app;
  final Path jdks;
  final Path pathDir;
  final Path calls;
  final Map<String, String> env = new HashMap<>();

  LauncherSandbox(Path root) throws IOException {
    app = Files.createDirectories(root.resolve("app"));
    jdks = Files.createDirectories(root.resolve("jvm"));
    pathDir = Files.createDirectories(root.resolve("path"));
    calls = root.resolve("calls.log");
    copy("preflight", app.resolve("preflight"));
    copy("launcher/find-jdk.sh", app.resolve("launcher/find-jdk.sh"));
    Files.createDirectories(app.resolve("lib"));
    Files.writeString(app.resolve("lib/preflight.jar"), "not a jar: the fake java never opens it");
    env.put("PATH", pathDir + ":/usr/bin:/bin");
    env.put("HOME", Files.createDirectories(root.resolve("home")).toString());
    env.put("XDG_CACHE_HOME", root.resolve("cache").toString());
    env.put("PREFLIGHT_JDK_DIRS", jdks.toString());
  }

  /** Copies a file of the repository into the sandbox, keeping it executable. */
  void copy(String repositoryPath, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(REPOSITORY.resolve(repositoryPath), target);
    executable(target);
  }

  /** A fake JDK {@code name} whose release file says {@code version} (none when null). */
  Path jdk(String name, String version) throws IOException {
    return jdk(jdks.resolve(name), name, version, true);
  }

  /** A fake JDK at {@code home}; without javac when {@code withJavac} is false (a JRE). */
  Path jdk(Path home, String name, String version, boolean withJavac) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    if (version != null) {
      Files.writeString(
          home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
    script(home.resolve("bin/java"), fakeJava(name, version));
    if (withJavac) {
      script(home.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
    }
    return home;
  }

  /**
   * The fake java: logs every call, answers {@code -version} like OpenJDK, creates the class cache
   * files the launcher asks the JVM to write, and otherwise prints its name and arguments.
   */
  private String fakeJava(String name, String version) {
    String shown = version == null ? "22.0.1" : version;
    return """
        #!/bin/sh
        echo "%1$s $*" >> "%2$s"
        if [ "$1" = -version ]; then echo 'openjdk version "%3$s" 2024-04-16' >&2; exit 0; fi
        create=""
        for argument in "$@"; do
          case "$argument" in
            -XX:AOTMode=create) create=yes ;;
            -XX:AOTCache=*) [ -z "$create" ] || echo cache > "${argument#*=}" ;;
            -XX:ArchiveClassesAtExit=*) echo cache > "${argument#*=}" ;;
          esac
        done
        [ -n "$create" ] || echo "java-%1$s $*"
        exit "${FAKE_JAVA_EXIT:-0}"
        """
        .formatted(name, calls, shown);
  }

  /** Puts {@code java} on PATH as a symbolic link to the fake JDK at {@code home}. */
  void onPath(Path home) throws IOException {
    Files.createSymbolicLink(pathDir.resolve("java"), home.resolve("bin/java"));
  }

  /** Sets the modification time of {@code path} to {@code seconds} from now. */
  static void touch(Path path, long seconds) throws IOException {
    Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(seconds)));
  }

  /** How many times the fake JDKs were asked {@code -version}. */
  long versionQueries() throws IOException {
    if (!Files.exists(calls)) {
      return 0;
    }
    return Files.readAllLines(calls).stream().filter(line -> line.endsWith(" -version")).count();
  }

  /** Runs {@code script} (a path inside the sandbox) with the sandbox environment. */
  Result run(Path script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Path out = Files.createTempFile("launcher-out", ".txt");
    Path err = Files.createTempFile("launcher-err", ".txt");
    Process process =
        builder
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(script + " did not finish within 60 s");
    }
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  /** Runs the launcher. */
  Result preflight(String... args) throws IOException, InterruptedException {
    return run(app.resolve("preflight"), args);
  }

  /** Writes an executable script. */
  static void script(Path path, String text) throws IOException {
    Files.writeString(path, text);
    executable(path);
  }

  private static void executable(Path path) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** What a script run printed and returned. */
  record Result(int exitCode, String out, String err) {}
}
