package dev.preflight.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one bounded reader for every input file: catalog, PAC, allowlist, squid configuration and its
 * includes and acl files, hosts files, CA files, the Microsoft 365 list, reports, tokens.
 *
 * <p>Every read is bounded three ways, and each limit is stated in the message that enforces it:
 * size ({@code the allowlist is larger than 64 MiB}, checked before and while reading, so a sparse
 * or endless file costs nothing), line length (a line is never echoed), and time (a FIFO or a
 * device that never ends is unreadable after the kind's deadline). Only regular files are read
 * unless the kind accepts special files. Text is UTF-8, with or without a byte-order mark, or
 * UTF-16 with one; anything else is "not UTF-8 text" with the line where decoding failed (or, for a
 * lenient kind, replaced). Failures are {@link InputException}s naming the file, never an {@code
 * OutOfMemoryError}.
 */
public final class InputFiles {
  private static final int CHUNK = 64 * 1024;

  private InputFiles() {}

  /**
   * The text of {@code file}, within the limits of {@code kind}; a file named {@code -} is the
   * standard input (see {@link StandardInput}).
   */
  public static String readText(Path file, InputKind kind) {
    if (StandardInput.means(file.toString())) {
      return readText(StandardInput.take(), StandardInput.LABEL, kind);
    }
    return decode(readBytes(file, kind), file.toString(), kind);
  }

  /** The text read from {@code in} (standard input for {@code -}), within {@code kind}'s limits. */
  public static String readText(InputStream in, String source, InputKind kind) {
    return decode(withDeadline(source, kind, () -> readAll(in, source, kind)), source, kind);
  }

  /**
   * The bytes of {@code file}, within the size and time limits of {@code kind}; a file named {@code
   * -} is the standard input.
   */
  public static byte[] readBytes(Path file, InputKind kind) {
    String source = file.toString();
    if (StandardInput.means(source)) {
      InputStream in = StandardInput.take();
      return withDeadline(StandardInput.LABEL, kind, () -> readAll(in, StandardInput.LABEL, kind));
    }
    checkFile(file, source, kind);
    return withDeadline(
        source,
        kind,
        () -> {
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readAll(Channels.newInputStream(channel), source, kind);
          }
        });
  }

  private static void checkFile(Path file, String source, InputKind kind) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new InputException(source, 0, "cannot read: " + IoErrors.reason(e), e);
    }
    if (attributes.isDirectory()) {
      throw new InputException(source, "cannot read: it is a directory");
    }
    if (!attributes.isRegularFile() && !kind.special()) {
      throw new InputException(
          source, "cannot read: it is not a regular file (a device, FIFO or socket)");
    }
    if (attributes.isRegularFile() && attributes.size() > kind.maxBytes()) {
      throw tooLarge(source, kind);
    }
  }

  private static byte[] readAll(InputStream in, String source, InputKind kind) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    for (int n; (n = in.read(chunk)) >= 0; ) {
      total += n;
      if (total > kind.maxBytes()) {
        throw tooLarge(source, kind);
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  private static InputException tooLarge(String source, InputKind kind) {
    return new InputException(source, kind.label() + " is larger than " + kind.maxSize());
  }

  private interface Read {
    byte[] run() throws IOException;
  }

  /** Runs {@code read} on its own thread and gives up on it once the kind's deadline passes. */
  private static byte[] withDeadline(String source, InputKind kind, Read read) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread reader =
        Thread.ofVirtual()
            .name("input-reader")
            .start(
                () -> {
                  try {
                    result.complete(read.run());
                  } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                  }
                });
    try {
      return result.get(kind.deadline().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      reader.interrupt(); // closes an interruptible channel; a stuck open() is abandoned
      throw new InputException(source, "cannot read: no end within " + seconds(kind.deadline()));
    } catch (InterruptedException e) {
      reader.interrupt();
      Thread.currentThread().interrupt();
      throw new InputException(source, "cannot read: interrupted");
    } catch (ExecutionException e) {
      throw failure(source, e.getCause());
    }
  }

  private static String seconds(java.time.Duration deadline) {
    long millis = deadline.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static RuntimeException failure(String source, Throwable cause) {
    if (cause instanceof InputException input) {
      return input;
    }
    if (cause instanceof IOException io) {
      return new InputException(source, 0, "cannot read: " + IoErrors.reason(io), io);
    }
    return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
  }

  private static String decode(byte[] bytes, String source, InputKind kind) {
    int skip = 0;
    Charset charset = StandardCharsets.UTF_8;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      skip = 2;
      charset = StandardCharsets.UTF_16BE;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      skip = 2;
      charset = StandardCharsets.UTF_16LE;
    }
    CodingErrorAction onError =
        kind.lenient() ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    CharsetDecoder decoder =
        charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = lineAt(out.flip());
      String what = charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16";
      throw new InputException(source, line, "cannot read: not " + what + " text");
    }
    decoder.flush(out);
    String text = out.flip().toString();
    checkLines(text, source, kind);
    return text;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int lineAt(CharBuffer decoded) {
    int line = 1;
    while (decoded.hasRemaining()) {
      if (decoded.get() == '\n') {
        line++;
      }
    }
    return line;
  }

  private static void checkLines(String text, String source, InputKind kind) {
    int line = 1;
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        length = 0;
      } else if (c == 0) {
        throw new InputException(source, line, "cannot read: not text (it holds a NUL byte)");
      } else if (++length > kind.maxLineChars()) {
        throw new InputException(
            source,
            line,
            "the line is longer than "
                + kind.maxLineChars()
                + " characters, the most "
                + kind.label()
                + " may have");
      }
    }
  }
}
