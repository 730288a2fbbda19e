package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class InputFilesTest {
  private static final InputKind SMALL =
      new InputKind("the allowlist", 1024, 40, Duration.ofSeconds(2), false, false);

  @TempDir Path dir;

  @Test
  void readsUtf8TextAndDropsAByteOrderMark() throws IOException {
    Path file = write("bom.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'});

    assertThat(InputFiles.readText(file, SMALL)).isEqualTo("a\n");
  }

  @Test
  void readsUtf16WithAByteOrderMark() throws IOException {
    byte[] le = "\uFEFFhost,fqdn\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] be = "\uFEFFzürich\n".getBytes(StandardCharsets.UTF_16BE);

    assertThat(InputFiles.readText(write("le.csv", le), SMALL)).isEqualTo("host,fqdn\n");
    assertThat(InputFiles.readText(write("be.csv", be), SMALL)).isEqualTo("zürich\n");
  }

  @Test
  void invalidUtf8NamesTheLine() throws IOException {
    Path file = write("bad.txt", new byte[] {'a', '\n', 'b', '\n', (byte) 0xC3, '(', '\n'});

    assertThatThrownBy(() -> InputFiles.readText(file, SMALL))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":3: cannot read: not UTF-8 text");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeReading() throws IOException {
    Path file = dir.resolve("sparse.txt");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(3L * 1024 * 1024 * 1024);
    }

    assertThatThrownBy(() -> InputFiles.readText(file, SMALL))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": the allowlist is larger than 1 KiB");
  }

  @Test
  void aLenientKindReplacesInvalidUtf8() throws IOException {
    Path file = write("latin1.pac", new byte[] {'/', '/', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'});

    assertThat(InputFiles.readText(file, InputKind.PAC)).isEqualTo("// caf\uFFFD\n");
  }

  @Test
  void aLongLineIsRefusedWithoutBeingEchoed() throws IOException {
    Path file =
        write("long.txt", ("ok\n" + "x".repeat(41) + "\n").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> InputFiles.readText(file, SMALL))
        .hasMessage(
            file + ":2: the line is longer than 40 characters, the most the allowlist may have")
        .hasMessageNotContaining("xxxx");
  }

  @Test
  void nulBytesAreNotText() throws IOException {
    Path file = write("nul.txt", new byte[] {'a', 0, 'b'});

    assertThatThrownBy(() -> InputFiles.readText(file, SMALL))
        .hasMessage(file + ":1: cannot read: not text (it holds a NUL byte)");
  }

  @Test
  void devicesAreRefusedUnlessTheKindAllowsThem() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "/dev/zero exists on this platform");

    assertThatThrownBy(() -> InputFiles.readText(zero, SMALL))
        .hasMessage("/dev/zero: cannot read: it is not a regular file (a device, FIFO or socket)");
    assertThatThrownBy(() -> InputFiles.readText(zero, SMALL.allowingSpecialFiles()))
        .hasMessage("/dev/zero: the allowlist is larger than 1 KiB");
  }

  @Test
  void aFifoThatNeverEndsIsUnreadableAfterTheDeadline() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works");
    InputKind kind = SMALL.allowingSpecialFiles().withDeadline(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThatThrownBy(() -> InputFiles.readText(fifo, kind))
        .hasMessage(fifo + ": cannot read: no end within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThatThrownBy(() -> InputFiles.readText(fifo, SMALL))
        .hasMessageContaining("not a regular file");
  }

  @Test
  void missingFilesAndDirectoriesAreNamedInWords() {
    Path missing = dir.resolve("missing.txt");

    assertThatThrownBy(() -> InputFiles.readText(missing, SMALL))
        .hasMessage(missing + ": cannot read: no such file");
    assertThatThrownBy(() -> InputFiles.readText(dir, SMALL))
        .hasMessage(dir + ": cannot read: it is a directory");
  }

  @Test
  void standardInputIsBoundedToo() {
    byte[] big = new byte[2048];
    java.util.Arrays.fill(big, (byte) 'a');

    assertThat(InputFiles.readText(new ByteArrayInputStream("x\n".getBytes()), "-", SMALL))
        .isEqualTo("x\n");
    assertThatThrownBy(() -> InputFiles.readText(new ByteArrayInputStream(big), "-", SMALL))
        .hasMessage("-: the allowlist is larger than 1 KiB");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
