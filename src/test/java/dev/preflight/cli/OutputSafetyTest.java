package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output} never destroys anything: an output that is one of the command's inputs is
 * refused before any work, and a write that fails (a full disk) leaves the old file as it was and
 * says so in words.
 */
@Timeout(120)
class OutputSafetyTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertRefused(CliRun run, String option) {
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .matches(
            "preflight: [^\\n]+: is also an input \\("
                + java.util.regex.Pattern.quote(option)
                + "\\); writing the output there would destroy it, so nothing was done\\n");
  }

  @Test
  void anOutputThatIsTheAllowlistIsRefusedAndTheAllowlistKept() throws IOException {
    Path allowlist = write("allow.txt", "ztd.dds.microsoft.com\n");
    String spelledOtherwise = dir.resolve("sub/../allow.txt").toString();
    Files.createDirectories(dir.resolve("sub"));

    for (String output : List.of(allowlist.toString(), spelledOtherwise)) {
      CliRun run = CliRun.of("analyze", "--allowlist", allowlist.toString(), "--output", output);

      assertRefused(run, "--allowlist");
      assertThat(allowlist).hasContent("ztd.dds.microsoft.com");
    }
  }

  @Test
  void everyCommandRefusesToWriteOverItsInputs() throws IOException {
    Path catalog =
        write(
            "extra.yaml",
            "services: []\n".replace("[]", "\n  - {id: x, name: X, consequence: C.}"));
    Path pac = write("proxy.pac", "function FindProxyForURL(u, h) { return \"DIRECT\"; }\n");
    Path hosts = write("hosts", "192.0.2.1 a.example\n");
    Path m365 = write("m365.json", "[]\n");
    Path pem = write("roots.pem", "not yet\n");
    String c = catalog.toString();
    Stream.of(
            new Object[] {new String[] {"check", "--catalog", c, "--output", c}, "--catalog"},
            new Object[] {
              new String[] {"check", "--ca-file", pem.toString(), "--output", pem.toString()},
              "--ca-file"
            },
            new Object[] {
              new String[] {"check", "--pac", pac.toString(), "--output", pac.toString()}, "--pac"
            },
            new Object[] {
              new String[] {
                "analyze",
                "--pac",
                pac.toString(),
                "--resolve",
                "hosts:" + hosts,
                "--output",
                hosts.toString()
              },
              "--resolve"
            },
            new Object[] {new String[] {"export", "--catalog", c, "--output", c}, "--catalog"},
            new Object[] {
              new String[] {"catalog", "list", "--catalog", c, "--output", c}, "--catalog"
            },
            new Object[] {
              new String[] {"catalog", "import-m365", m365.toString(), "--output", m365.toString()},
              "FILE"
            })
        .forEach(args -> assertRefused(CliRun.of((String[]) args[0]), (String) args[1]));
    assertThat(pem).hasContent("not yet");
    assertThat(m365).hasContent("[]");
  }

  @Test
  void aFullDiskLeavesTheOldReportIntactAndSaysSo() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("small-disk"));
    assumeTrue(mount(disk), "a 64 KiB tmpfs can be mounted here (root)");
    try {
      Path report = Files.writeString(disk.resolve("report.json"), "the old report\n");
      Path squid = write("squid.conf", "http_access allow all\n");

      CliRun run =
          CliRun.of(
              "analyze",
              "--squid",
              squid.toString(),
              "--format",
              "json",
              "--output",
              report.toString());

      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err())
          .isEqualTo(
              "preflight: "
                  + report
                  + ": cannot write: the disk is full; the existing file was left unchanged\n");
      assertThat(report).hasContent("the old report");
      try (Stream<Path> left = Files.list(disk)) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.json");
      }
    } finally {
      new ProcessBuilder("umount", disk.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static boolean mount(Path where) throws Exception {
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", where.toString())
            .redirectErrorStream(true)
            .start();
    return mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
  }
}
