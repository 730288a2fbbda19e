package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesTheWholeContent() throws IOException {
    Path target = dir.resolve("report.json");

    AtomicFile.write(target, w -> w.write("{\"verdict\": \"READY\"}\n"));

    assertThat(target).hasContent("{\"verdict\": \"READY\"}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
    assertThat(siblings()).containsExactly("report.json");
  }

  @Test
  void aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("report.json"), "old report");

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    w -> {
                      w.write("{\"half\": ");
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOf(InputException.class)
        .hasMessage(
            target + ": cannot write: the disk is full; the existing file was left unchanged");
    assertThat(target).hasContent("old report");
    assertThat(siblings()).containsExactly("report.json");
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path target = Files.writeString(dir.resolve("r.txt"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));

    AtomicFile.write(target, w -> w.write("new"));

    assertThat(target).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingDirectoryIsNamedInWords() {
    Path target = dir.resolve("missing/report.json");

    assertThatThrownBy(() -> AtomicFile.write(target, w -> w.write("x")))
        .hasMessage(target + ": cannot write: no such file");
  }

  @Test
  void aDeviceIsWrittenInPlaceNotReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "/dev/null exists");

    AtomicFile.write(devNull, w -> w.write("discarded"));

    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(Files.exists(devNull)).isTrue();
  }

  @Test
  void aSymbolicLinkStaysALinkToTheNewContent() throws IOException {
    Path real = Files.writeString(dir.resolve("real.json"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());

    AtomicFile.write(link, w -> w.write("new"));

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
  }

  private java.util.List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
