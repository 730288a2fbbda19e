package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.fixtures.Entries;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.Route;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.run.proxy.MachineProxy;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Report;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WPAD discovery as a device does it, against real DNS and HTTP servers on loopback. */
@Timeout(60)
class RouteFinderTest {
  static final String SCRIPT =
      """
      function FindProxyForURL(url, host) {
        if (dnsDomainIs(host, ".microsoft.com")) return "PROXY proxy.corp.example:3128";
        return "DIRECT";
      }
      """;
  static final Route SQUID = Route.proxy("proxy.corp.example", 3128);
  static final Endpoint ZTD =
      entry("ztd", "ztd.dds.microsoft.com", Protocol.HTTPS, 443, Impact.BLOCKING);
  static final Endpoint LIVE =
      entry("live", "login.live.com", Protocol.HTTPS, 443, Impact.BLOCKING);

  private static Route route(FoundRoutes found, Endpoint endpoint) {
    return found.routes().select(endpoint).route();
  }

  @Test
  void theScriptFoundOneLevelUpTheSuffixDecidesEachRoute() {
    try (WpadServers net = new WpadServers().script("wpad.corp.example", SCRIPT)) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "emea.corp.example"));

      assertThat(route(found, ZTD)).isEqualTo(SQUID);
      assertThat(route(found, LIVE)).isEqualTo(Route.DIRECT);
      assertThat(found.summary().source()).isEqualTo("device");
      assertThat(found.summary().found())
          .isEqualTo("WPAD http://wpad.corp.example/wpad.dat via DNS suffix emea.corp.example");
      assertThat(found.summary().pac()).isEqualTo("http://wpad.corp.example/wpad.dat");
      assertThat(found.summary().wpadCandidates())
          .containsExactly(
              "http://wpad.emea.corp.example/wpad.dat", "http://wpad.corp.example/wpad.dat");
      assertThat(found.warnings()).isEmpty();
      assertThat(found.routes().describe()).isEqualTo("PAC http://wpad.corp.example/wpad.dat");
    }
  }

  @Test
  void aCheckRunFollowsTheDiscoveredScript() {
    try (WpadServers net = new WpadServers().script("wpad.corp.example", SCRIPT)) {
      ProbeRunner.Executor passing =
          (target, deadline, cpu) -> new ProbeResult(target, null, Map.of(), Map.of());
      CheckRun run =
          new CheckRun(
              passing,
              passing,
              List.of(),
              LocalMachine.UNKNOWN,
              Clock.systemUTC(),
              "test",
              CheckRun.NO_TENANT_NETWORK,
              net.finder(WpadServers.bareMachine()));

      Report report =
          run.run(
              Entries.catalog(List.of(ZTD, LIVE)),
              WpadServers.settings(ProxySource.DEVICE, "corp.example"),
              ProgressListener.NONE);

      assertThat(report.endpoints())
          .extracting(EndpointResult::route)
          .containsExactly("PROXY proxy.corp.example:3128", "DIRECT");
      assertThat(report.environment().proxySource()).isEqualTo("device");
    }
  }

  @Test
  void withoutAnyWpadNameTheDeviceGoesDirectAndNothingIsAWarning() {
    try (WpadServers net = new WpadServers()) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.summary().found())
          .isEqualTo("no WPAD found (looked for http://wpad.corp.example/wpad.dat), so direct");
      assertThat(found.summary().pac()).isNull();
      assertThat(found.warnings()).isEmpty();
      assertThat(net.hostsAsked).isEmpty();
    }
  }

  @Test
  void withoutSuffixOrDhcpNothingIsAsked() {
    try (WpadServers net = new WpadServers()) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine()).find(WpadServers.settings(ProxySource.DEVICE));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.summary().found()).startsWith("no WPAD: DHCP names no script");
      assertThat(net.dns.queries()).isZero();
    }
  }

  @Test
  void theDhcpUrlComesBeforeDnsDiscovery() {
    MachineProxy dhcp =
        new MachineProxy(
            command ->
                command.get(0).equals("nmcli")
                    ? "GENERAL.DEVICE:eth0\nDHCP4.OPTION[7]:wpad = http://pac.corp.example/proxy.pac\n"
                    : null,
            "Linux");
    try (WpadServers net =
        new WpadServers()
            .script("pac.corp.example", SCRIPT)
            .script("wpad.corp.example", "function FindProxyForURL(u, h) { return \"DIRECT\"; }")) {
      FoundRoutes found =
          net.finder(dhcp).find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(route(found, ZTD)).isEqualTo(SQUID);
      assertThat(found.summary().found())
          .isEqualTo("WPAD http://pac.corp.example/proxy.pac via DHCP option 252 on eth0");
    }
  }

  @Test
  void aNameThatAnswersWithoutAScriptIsAWarningAndTheNextCandidateDecides() {
    try (WpadServers net =
        new WpadServers()
            .serve("wpad.emea.corp.example", HttpTestServer.answer(404, "<html>Not found</html>"))
            .script("wpad.corp.example", SCRIPT)) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "emea.corp.example"));

      assertThat(route(found, ZTD)).isEqualTo(SQUID);
      assertThat(found.warnings())
          .singleElement()
          .asString()
          .isEqualTo(
              "WPAD: http://wpad.emea.corp.example/wpad.dat via DNS suffix emea.corp.example answers"
                  + " HTTP 404 instead of a proxy script, so devices wait for it and then try the next"
                  + " candidate: serve the proxy script there (at most 1 MiB, defining"
                  + " FindProxyForURL), or remove the name from DNS.");
    }
  }

  @Test
  void aPageThatIsNoScriptMeansDirectWithAWarning() {
    try (WpadServers net =
        new WpadServers()
            .serve(
                "wpad.corp.example",
                HttpTestServer.answer(200, "<html>Sign in</html>", "Content-Type: text/html"))) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.summary().found()).startsWith("no usable WPAD script (looked for");
      assertThat(found.warnings())
          .singleElement()
          .asString()
          .contains(
              "is not a proxy script (it defines no FindProxyForURL, Content-Type text/html)",
              "go out directly, as this check did");
    }
  }

  @Test
  void aScriptLargerThanTheLimitIsAWarning() {
    String large = SCRIPT + "//" + "x".repeat(PacFetcher.MAX_BYTES);
    try (WpadServers net = new WpadServers().script("wpad.corp.example", large)) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.warnings()).singleElement().asString().contains("is larger than 1 MiB");
    }
  }

  @Test
  void aSyntaxErrorIsAWarningNamingTheLineAndTheDeviceGoesDirect() {
    try (WpadServers net =
        new WpadServers()
            .script(
                "wpad.corp.example",
                "function FindProxyForURL(url, host) {\n  return \"DIRECT\"\n")) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.summary().found())
          .isEqualTo(
              "WPAD http://wpad.corp.example/wpad.dat via DNS suffix corp.example does not load, so direct");
      assertThat(found.warnings())
          .singleElement()
          .asString()
          .contains("http://wpad.corp.example/wpad.dat:2", "does not load", "fix the script");
    }
  }

  @Test
  void aScriptThatLoopsSendsEveryEndpointDirectWithOneWarning() {
    try (WpadServers net =
        new WpadServers()
            .script("wpad.corp.example", "function FindProxyForURL(u, h) { while (true) {} }")) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(route(found, ZTD)).isEqualTo(Route.DIRECT);
      assertThat(route(found, LIVE)).isEqualTo(Route.DIRECT);
      assertThat(found.warnings()).isEmpty();
      assertThat(found.routes().warnings())
          .singleElement()
          .asString()
          .contains("failed for 2 URLs", "probed directly");
    }
  }

  @Test
  void aServerThatNeverAnswersIsBoundedAndAWarning() {
    try (WpadServers net =
        new WpadServers().serve("wpad.corp.example", (head, out) -> Thread.sleep(60_000))) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.warnings()).singleElement().asString().contains("HTTP_TIMEOUT");
    }
  }

  @Test
  void sourceNoneAsksNothing() {
    try (WpadServers net = new WpadServers().script("wpad.corp.example", SCRIPT)) {
      FoundRoutes found =
          net.finder(
                  new MachineProxy(
                      command -> {
                        throw new AssertionError("asked " + command);
                      },
                      "Linux"))
              .find(WpadServers.settings(ProxySource.NONE, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.summary().source()).isEqualTo("none");
      assertThat(net.dns.queries()).isZero();
    }
  }

  @Test
  void givenRoutesNameTheirOption() {
    FoundRoutes found =
        RouteFinder.UNAVAILABLE.find(
            CheckSettings.builder()
                .routes(new FixedProxy(Route.proxy("proxy.corp", 3128)))
                .build());

    assertThat(found.summary().source()).isEqualTo("--proxy");
    assertThat(found.summary().found()).isEqualTo("http://proxy.corp:3128");
  }

  static List<String> hosts(List<Endpoint> endpoints) {
    return endpoints.stream().map(Endpoint::host).toList();
  }
}
