import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Links the Java runtime of the self-contained distribution: the JDK modules the jar refers to, as
 * jdeps finds them, plus those it reaches only through service lookup, with jlink. The dist
 * profile runs it with the JDK that runs Maven:
 *
 * <pre>java src/dist/RuntimeImage.java JAR OUTPUT_FOLDER</pre>
 *
 * It prints the modules and the image's size.
 */
public final class RuntimeImage {
  /** Modules no class refers to, each needed through a service lookup. */
  private static final List<String> SERVICE_MODULES =
      List.of(
          // Elliptic-curve TLS on JDK 21; since JDK 22 an empty module kept for compatibility.
          "jdk.crypto.ec",
          // dnsjava's JNDI fallback for the system's DNS servers (Windows without JNA).
          "jdk.naming.dns",
          // The console code pages of Windows (IBM437, IBM850, ...).
          "jdk.charsets");

  private RuntimeImage() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java RuntimeImage.java JAR OUTPUT_FOLDER");
    }
    Path output = Path.of(args[1]);
    String found =
        run("jdeps", "--print-module-deps", "--ignore-missing-deps", "--multi-release", "21", args[0]);
    List<String> modules = new ArrayList<>(List.of(found.strip().split(",")));
    SERVICE_MODULES.stream()
        .filter(name -> ModuleFinder.ofSystem().find(name).isPresent())
        .forEach(modules::add);
    deleteTree(output);
    run("jlink", "--add-modules", String.join(",", modules), "--strip-debug", "--no-man-pages",
        "--no-header-files", "--generate-cds-archive", "--output", output.toString());
    System.out.printf("runtime image: %d MiB, modules %s%n", size(output) >> 20, modules);
  }

  /** Runs a JDK tool in this JVM and returns what it printed; fails with its output. */
  private static String run(String tool, String... args) {
    StringWriter out = new StringWriter();
    int code = ToolProvider.findFirst(tool)
        .orElseThrow(() -> new IllegalStateException("this JDK has no " + tool))
        .run(new PrintWriter(out, true), new PrintWriter(out, true), args);
    if (code != 0) {
      throw new IllegalStateException(tool + " failed (exit code " + code + "):\n" + out);
    }
    return out.toString();
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(RuntimeImage::sizeOf).sum();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
