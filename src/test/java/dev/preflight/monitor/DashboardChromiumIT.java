package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.preflight.testing.HeadlessChromium;
import dev.preflight.testing.HeadlessChromium.Page;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

  @TempDir Path dir;
  private ServeFixture serve;

  @AfterEach
  void stop() throws IOException {
    if (serve != null) {
      serve.close();
    }
  }

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
    return HeadlessChromium.load(dir, url);
  }
}
