package dev.preflight.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads a page in the Debian package's headless Chromium and gives back the DOM after its scripts
 * ran, with what the page wrote to the console: the one place tests start a browser.
 */
public final class HeadlessChromium {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final long DEADLINE_SECONDS = 120;

  /** The DOM Chromium dumped and the page's console lines. */
  public record Page(String dom, List<String> console) {}

  private HeadlessChromium() {}

  /**
   * Loads {@code url} with a fresh profile under {@code dir}, plus {@code flags} (such as a window
   * size); fails the test if Chromium takes longer than two minutes.
   */
  public static Page load(Path dir, String url, String... flags)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    Path dom = dir.resolve("dom.html");
    Path log = dir.resolve("chromium.log");
    Process chromium =
        new ProcessBuilder(command(profile, url, flags))
            .redirectOutput(dom.toFile())
            .redirectError(log.toFile())
            .start();
    if (!chromium.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
      chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("chromium did not finish within " + DEADLINE_SECONDS + " s");
    }
    List<String> console =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains(":CONSOLE"))
            .toList();
    return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
  }

  private static List<String> command(Path profile, String url, String... flags) {
    List<String> command = new ArrayList<>();
    command.add(CHROMIUM);
    // No sandbox (tests run as root), no GPU, and nothing that reaches out to the network.
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run"));
    command.addAll(List.of(flags));
    command.addAll(
        List.of(
            "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom", url));
    return command;
  }
}
