package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input file option through the real command line with inputs that never end or are far too
 * large: {@code /dev/zero}, a FIFO, a 3 GB sparse file, a line of a megabyte. Each ends at once in
 * one message naming the file and the limit, exit code 3, never an {@code OutOfMemoryError} or a
 * hang.
 */
@Timeout(120)
class BoundedInputsTest {
  @TempDir static Path dir;

  /** Where the hostile file goes on each command line; {@code F} is replaced by its path. */
  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of("allowlist", "analyze --allowlist F", "the allowlist"),
        Arguments.of("squid", "analyze --squid F", "the squid configuration"),
        Arguments.of("squid include", "analyze --squid INCLUDES", "the squid configuration"),
        Arguments.of("squid acl file", "analyze --squid ACL", "the squid acl file"),
        Arguments.of("pac", "analyze --pac F", "the PAC script"),
        Arguments.of("hosts", "analyze --pac PAC --resolve hosts:F", "the hosts file"),
        Arguments.of("ca file", "check --dns-server 127.0.0.1:9 --ca-file F", "the CA file"),
        Arguments.of("catalog", "catalog list --catalog F", "the catalog file"),
        Arguments.of("m365", "catalog import-m365 F", "the endpoint list"));
  }

  private static CliRun run(String args, Path hostile) throws IOException {
    Path pac =
        Files.writeString(
            dir.resolve("ok.pac"), "function FindProxyForURL(u, h) { return \"DIRECT\"; }\n");
    Path includes =
        Files.writeString(
            dir.resolve("includes-" + hostile.getFileName() + ".conf"),
            "include " + hostile + "\nhttp_access allow all\n");
    Path acl =
        Files.writeString(
            dir.resolve("acl-" + hostile.getFileName() + ".conf"),
            "acl big dstdomain \"" + hostile + "\"\nhttp_access allow big\n");
    List<String> argv = new ArrayList<>();
    for (String word : args.split(" ")) {
      argv.add(
          switch (word) {
            case "F" -> hostile.toString();
            case "PAC" -> pac.toString();
            case "INCLUDES" -> includes.toString();
            case "ACL" -> acl.toString();
            case "hosts:F" -> "hosts:" + hostile;
            default -> word;
          });
    }
    return CliRun.of(argv.toArray(String[]::new));
  }

  private static void assertOneMessage(CliRun run, Path file, String reason) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err().lines()).as(run.err()).hasSize(1);
    assertThat(run.err())
        .startsWith("preflight: ")
        .contains(file.toString())
        .contains(reason)
        .doesNotContain("Exception", "Error", "\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void devZeroIsRefusedAsNotARegularFile(String what, String args, String label)
      throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "/dev/zero exists on this platform");

    assertOneMessage(run(args, zero), zero, "it is not a regular file");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void aFifoIsRefusedWithoutWaitingForAWriter(String what, String args, String label)
      throws Exception {
    Path fifo = dir.resolve("fifo");
    if (!Files.exists(fifo)) {
      Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
      assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works");
    }

    assertOneMessage(run(args, fifo), fifo, "it is not a regular file");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void aSparseFileOfThreeGigabytesIsRefusedBeforeReading(String what, String args, String label)
      throws IOException {
    Path sparse = dir.resolve("sparse");
    try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
      file.setLength(3L << 30);
    }

    assertOneMessage(run(args, sparse), sparse, label + " is larger than");
  }

  @Test
  void aMegabyteLineIsNeverEchoed() throws IOException {
    Path allowlist = Files.writeString(dir.resolve("long.txt"), "a".repeat(1 << 20) + "\n");

    CliRun run = run("analyze --allowlist F", allowlist);

    assertOneMessage(run, allowlist, "the line is longer than");
    assertThat(run.err().length()).isLessThan(400);
  }

  @Test
  void includesTogetherAreBoundedToo() throws IOException {
    Path parts = Files.createDirectories(dir.resolve("parts"));
    String comments = ("# " + "c".repeat(1000) + "\n").repeat(14 * 1024);
    for (int i = 0; i < 5; i++) {
      Files.writeString(parts.resolve("part" + i + ".conf"), comments);
    }
    Path main =
        Files.writeString(
            dir.resolve("main.conf"), "include " + parts + "/*.conf\nhttp_access allow all\n");

    CliRun run = run("analyze --squid F", main);

    assertOneMessage(run, main, "larger than 64 MiB in total");
  }
}
