package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in Debian's headless Chromium: the rendered DOM shows the verdict, the change and
 * the failing endpoint, and the browser logs no console message (a script error or a Content
 * Security Policy violation would be one). A control page with a script error proves that console
 * messages are seen.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DashboardChromiumIT {
  private static final String CHROMIUM = "/usr/bin/chromium";

  @TempDir Path dir;
  private ServeFixture serve;

  @AfterEach
  void stop() throws IOException {
    if (serve != null) {
      serve.close();
    }
  }

  record Page(String dom, List<String> console) {}

  @Test
  void theDashboardRendersTheVerdictAndAFailingEndpointWithoutConsoleErrors() throws Exception {
    serve = new ServeFixture(dir, Duration.ofHours(1), Access.open());
    serve.awaitRuns(1, Duration.ofSeconds(60));
    serve.breakOpen();
    serve.monitor.runOnce();

    Page page = load(serve.uri("/").toString());

    assertThat(page.console()).isEmpty();
    assertThat(page.dom())
        .contains("<span id=\"verdict\" class=\"BLOCKED\">BLOCKED</span>")
        .contains("<p id=\"meaning\">Autopilot would fail (exit code 2).</p>")
        .containsPattern(
            "<td class=\"FAIL\">FAIL</td><td>&lt;b&gt;Loopback&lt;/b&gt; lab &amp;"
                + " friends</td><td><code>tcp://127.0.0.1:\\d+</code></td><td>TCP_REFUSED</td>")
        .contains("status: <code>lab-open</code>");
  }

  @Test
  void aPageWithAScriptErrorIsCaught() throws Exception {
    HttpServer control =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] html =
        "<!DOCTYPE html><p>control</p><script>throw new Error('control failure')</script>"
            .getBytes(StandardCharsets.UTF_8);
    control.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, html.length);
          exchange.getResponseBody().write(html);
          exchange.close();
        });
    control.start();
    try {
      Page page = load("http://127.0.0.1:" + control.getAddress().getPort() + "/");

      assertThat(page.dom()).contains("<p>control</p>");
      assertThat(page.console()).anySatisfy(line -> assertThat(line).contains("control failure"));
    } finally {
      control.stop(0);
    }
  }

  private Page load(String url) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    Path dom = dir.resolve("dom.html");
    Path log = dir.resolve("chromium.log");
    Process chromium =
        new ProcessBuilder(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                url)
            .redirectOutput(dom.toFile())
            .redirectError(log.toFile())
            .start();
    if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
      chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("chromium did not finish within 120 s");
    }
    List<String> console =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains(":CONSOLE"))
            .toList();
    return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
  }
}
