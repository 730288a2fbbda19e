package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.common.InputException;
import dev.preflight.probe.Route;
import dev.preflight.probe.net.Resolver;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.HttpTestServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PAC route selection with the real sandboxed engine, and PAC download from a loopback server. */
@Timeout(60)
class PacRoutesTest {
  private static final String PAC =
      """
      function FindProxyForURL(url, host) {
        if (dnsDomainIs(host, ".dds.microsoft.com")) return "DIRECT";
        if (shExpMatch(url, "http:*")) return "PROXY plain.corp:8080; DIRECT";
        if (host == "socks.example") return "SOCKS5 socks.corp:1080";
        if (host == "broken.example") return undefinedFunction();
        if (isInNet(dnsResolve(host), "192.0.2.0", "255.255.255.0")) return "DIRECT";
        return "PROXY proxy.corp:3128";
      }
      """;

  @TempDir Path dir;

  private static Endpoint https(String host) {
    return entry(host, host, Protocol.HTTPS, 443, Impact.BLOCKING);
  }

  private PacRoutes load(DnsTestServer dns) throws Exception {
    Path file = Files.writeString(dir.resolve("proxy.pac"), PAC);
    return SystemCheck.pac(file.toString(), Duration.ofSeconds(2), Resolver.system(dns.address()));
  }

  @Test
  void eachUrlGetsTheFirstRouteThePacScriptReturns() throws Exception {
    try (DnsTestServer dns = new DnsTestServer().answer("intranet.example", "192.0.2.10")) {
      PacRoutes routes = load(dns);
      assertThat(routes.select(https("ztd.dds.microsoft.com")).route()).isEqualTo(Route.DIRECT);
      assertThat(routes.select(https("login.live.com")).route())
          .isEqualTo(Route.proxy("proxy.corp", 3128));
      assertThat(routes.select(https("intranet.example")).route()).isEqualTo(Route.DIRECT);
      Endpoint http = entry("crl", "crl.microsoft.com", Protocol.HTTP, 80, Impact.BLOCKING);
      assertThat(routes.select(http).route()).isEqualTo(Route.proxy("plain.corp", 8080));
      assertThat(routes.select(https("socks.example")).route())
          .isEqualTo(new Route(Route.Kind.SOCKS, "socks.corp", 1080));
      assertThat(routes.describe()).isEqualTo("PAC " + dir.resolve("proxy.pac"));
      assertThat(routes.warnings()).isEmpty();
    }
  }

  @Test
  void aScriptErrorForOneUrlMakesThatRouteUnusableNamingTheLine() throws Exception {
    try (DnsTestServer dns = new DnsTestServer()) {
      RouteChoice choice = load(dns).select(https("broken.example"));
      assertThat(choice.route()).isNull();
      assertThat(choice.problem()).contains("proxy.pac").contains(":5");
    }
  }

  @Test
  void deadDnsCostsOneBudgetForAllLookupsAndIsReported() throws Exception {
    try (DnsTestServer dns = new DnsTestServer()) {
      for (int i = 0; i < 6; i++) {
        dns.mode("host" + i + ".example", DnsTestServer.Mode.SILENT);
      }
      Path file = Files.writeString(dir.resolve("proxy.pac"), PAC);
      PacRoutes routes =
          SystemCheck.pac(file.toString(), Duration.ofMillis(500), Resolver.system(dns.address()));
      long start = System.nanoTime();
      for (int i = 0; i < 6; i++) {
        assertThat(routes.select(https("host" + i + ".example")).route())
            .isEqualTo(Route.proxy("proxy.corp", 3128));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(routes.warnings()).singleElement().asString().contains("ran out of time");
    }
  }

  @Test
  void aPacUrlIsFetchedDirectly() {
    try (HttpTestServer server = HttpTestServer.plain(HttpTestServer.answer(200, PAC))) {
      String text =
          PacFetcher.fetch(
              URI.create("http://127.0.0.1:" + server.port() + "/proxy.pac"),
              Duration.ofSeconds(2));
      assertThat(text).isEqualTo(PAC);
      assertThat(server.requests()).singleElement().asString().startsWith("GET /proxy.pac ");
    }
  }

  @Test
  void aPacUrlAnsweringOtherThan200IsBadInput() {
    try (HttpTestServer server = HttpTestServer.plain(HttpTestServer.answer(404, "gone"))) {
      URI url = URI.create("http://127.0.0.1:" + server.port() + "/proxy.pac");
      assertThatThrownBy(() -> PacFetcher.fetch(url, Duration.ofSeconds(2)))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("--pac: cannot fetch " + url)
          .hasMessageContaining("HTTP 404");
    }
  }

  @Test
  void anEndlessPacDownloadStopsAtTheSizeCap() {
    HttpTestServer.Behaviour endless =
        (head, out) -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n".getBytes());
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) '/');
          for (int i = 0; i < 10_000; i++) {
            out.write(chunk);
          }
        };
    try (HttpTestServer server = HttpTestServer.plain(endless)) {
      URI url = URI.create("http://127.0.0.1:" + server.port() + "/big.pac");
      assertThatThrownBy(() -> PacFetcher.fetch(url, Duration.ofSeconds(5)))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("the PAC script is larger than 1 MiB");
    }
  }

  @Test
  void aSilentPacServerHitsTheDeadline() {
    HttpTestServer.Behaviour silent = (head, out) -> Thread.sleep(10_000);
    try (HttpTestServer server = HttpTestServer.plain(silent)) {
      URI url = URI.create("http://127.0.0.1:" + server.port() + "/slow.pac");
      long start = System.nanoTime();
      assertThatThrownBy(() -> PacFetcher.fetch(url, Duration.ofMillis(500)))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("--pac");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }
}
