package dev.preflight.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Whether standard output and standard error are terminals, each on its own: a report piped to a
 * file still gets a progress line on a terminal's standard error, and a report on a terminal gets
 * colour even when standard error is redirected.
 *
 * <p>Java has no {@code isatty}. On Linux the descriptors' links under {@code /proc/self/fd} name
 * the terminal device; on other Unix systems {@code test -t} answers for the descriptor the child
 * inherits; on Windows only {@link System#console()} is known, for both streams.
 */
record Terminal(boolean stdout, boolean stderr) {
  static final Terminal NONE = new Terminal(false, false);

  private static final int DEFAULT_COLUMNS = 80;

  /** The streams of this process, found out when first asked and remembered. */
  static Supplier<Terminal> detectOnce() {
    AtomicReference<Terminal> known = new AtomicReference<>();
    return () -> known.updateAndGet(t -> t != null ? t : detect());
  }

  /** The streams of this process. */
  static Terminal detect() {
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      boolean console = System.console() != null;
      return new Terminal(console, console);
    }
    return new Terminal(isTerminal(1), isTerminal(2));
  }

  /**
   * The terminal's width: {@code COLUMNS} when the shell exports it, else what {@code stty size}
   * says of the controlling terminal, else 80.
   */
  static int columns(Map<String, String> environment) {
    Integer columns = number(environment.get("COLUMNS"));
    return columns != null ? columns : Objects.requireNonNullElse(sttyColumns(), DEFAULT_COLUMNS);
  }

  private static @Nullable Integer sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return null;
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(tty).start();
      if (!stty.waitFor(1, TimeUnit.SECONDS)) {
        stty.destroyForcibly();
        return null;
      }
      String[] rowsAndColumns =
          new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
              .trim()
              .split(" ");
      return rowsAndColumns.length == 2 ? number(rowsAndColumns[1]) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static @Nullable Integer number(@Nullable String text) {
    try {
      int columns = Integer.parseInt(text == null ? "" : text.trim());
      return columns >= 20 && columns <= 1000 ? columns : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (Files.isSymbolicLink(link)) {
      try {
        String device = Files.readSymbolicLink(link).toString();
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
      } catch (IOException e) {
        return false;
      }
    }
    return testT(fd);
  }

  /** {@code test -t FD} in a child that inherits the descriptor, within a second. */
  private static boolean testT(int fd) {
    ProcessBuilder test = new ProcessBuilder("sh", "-c", "test -t " + fd);
    if (fd == 1) {
      test.redirectOutput(ProcessBuilder.Redirect.INHERIT);
    } else {
      test.redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    try {
      Process process = test.start();
      if (!process.waitFor(1, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
