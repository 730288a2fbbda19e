package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import dev.preflight.run.proxy.DhcpWpad;
import dev.preflight.run.proxy.GnomeProxy;
import dev.preflight.run.proxy.MachineProxy;
import dev.preflight.run.proxy.WinHttpSettings;
import dev.preflight.run.proxy.WinInetSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --proxy-source system} on Windows and Linux settings (tool output from fixtures), and the
 * warnings that say where this machine's sources disagree with the routes the check took.
 */
@Timeout(60)
class ProxySourcesTest {
  private static final Endpoint ZTD = RouteFinderTest.ZTD;
  private static final Endpoint LIVE = RouteFinderTest.LIVE;
  private static final Endpoint CRL =
      entry("crl", "crl.microsoft.com", Protocol.HTTP, 80, Impact.BLOCKING);
  private static final String PAC_URL = "http://pac.corp.example/proxy.pac";

  private static String fixture(String name) {
    try (InputStream in = ProxySourcesTest.class.getResourceAsStream("/proxy-settings/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Windows machine whose tools print these fixtures; the DHCP query finds nothing. */
  private static MachineProxy windows(String inet, String connections, String winHttp) {
    Map<List<String>, String> answers = new HashMap<>();
    answers.put(WinInetSettings.SETTINGS_QUERY, fixture(inet));
    answers.put(WinInetSettings.CONNECTIONS_QUERY, fixture(connections));
    answers.put(WinHttpSettings.REGISTRY_QUERY, fixture(winHttp));
    answers.put(DhcpWpad.REGISTRY_QUERY, "");
    return new MachineProxy(answers::get, "Windows 11");
  }

  private static List<ProbeTarget> planned(FoundRoutes found) {
    return List.of(ZTD, LIVE, CRL).stream()
        .map(e -> new ProbeTarget(e, Routes.choose(found.routes(), e).route()))
        .toList();
  }

  private static List<String> disagreements(FoundRoutes found) {
    return SourceComparison.disagreements(found, planned(found));
  }

  @Test
  void theUsersWinInetScriptDecidesAndWinHttpAndTheDeviceDisagree() {
    try (WpadServers net = new WpadServers().script("pac.corp.example", RouteFinderTest.SCRIPT)) {
      MachineProxy machine =
          windows(
              "wininet-pac-only.txt", "wininet-connections-direct.txt", "winhttp-reg-proxy.txt");

      FoundRoutes found =
          net.finder(machine).find(WpadServers.settings(ProxySource.SYSTEM, "corp.example"));

      assertThat(found.summary().source()).isEqualTo("system");
      assertThat(found.summary().found()).isEqualTo("WinINET script " + PAC_URL);
      assertThat(found.summary().pac()).isEqualTo(PAC_URL);
      assertThat(found.routes().select(ZTD).route()).isEqualTo(RouteFinderTest.SQUID);
      assertThat(found.routes().source()).isEqualTo("system");
      assertThat(disagreements(found))
          .containsExactly(
              "This machine's WinHTTP setting (WinHttpSettings: proxy"
                  + " http=proxy.corp.example:8080;https=proxy.corp.example:8443, bypass"
                  + " <local>;*.corp.example;10.*) sends 3 of 3 endpoints another way than this check"
                  + " did (system: WinINET script "
                  + PAC_URL
                  + "; for example ztd.dds.microsoft.com"
                  + " PROXY proxy.corp.example:8443 instead of PROXY proxy.corp.example:3128):"
                  + " applications here that use that setting take paths this check did not test.",
              "A device in OOBE has none of this machine's settings (no WPAD found (looked for"
                  + " http://wpad.corp.example/wpad.dat), so direct) and sends 2 of 3 endpoints"
                  + " another way than this check did (for example ztd.dds.microsoft.com DIRECT"
                  + " instead of PROXY proxy.corp.example:3128); run the check with --proxy-source"
                  + " device to see the devices' paths.");
    }
  }

  @Test
  void aConfiguredScriptThatCannotBeFetchedFallsBackToTheNextSetting() {
    try (WpadServers net = new WpadServers()) {
      MachineProxy machine =
          windows(
              "wininet-pac-only.txt", "wininet-connections-direct.txt", "winhttp-reg-proxy.txt");

      FoundRoutes found = net.finder(machine).find(WpadServers.settings(ProxySource.SYSTEM));

      assertThat(found.summary().found()).startsWith("WinHTTP: WinHttpSettings: proxy");
      assertThat(found.routes().select(ZTD).route())
          .isEqualTo(Route.proxy("proxy.corp.example", 8443));
      assertThat(found.warnings())
          .singleElement()
          .asString()
          .startsWith(
              "WinINET names the proxy script "
                  + PAC_URL
                  + ", which does not resolve (DNS_NXDOMAIN)")
          .contains("fall back to the next setting, as this check did");
    }
  }

  @Test
  void automaticDetectionInWinInetIsTheDevicesWpad() {
    try (WpadServers net = new WpadServers().script("wpad.corp.example", RouteFinderTest.SCRIPT)) {
      MachineProxy machine =
          windows(
              "wininet-direct.txt", "wininet-connections-autodetect.txt", "winhttp-reg-absent.txt");

      FoundRoutes system =
          net.finder(machine).find(WpadServers.settings(ProxySource.SYSTEM, "corp.example"));
      FoundRoutes device =
          net.finder(machine).find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(system.summary().found())
          .isEqualTo(
              "WinINET automatic detection: WPAD http://wpad.corp.example/wpad.dat via DNS suffix corp.example");
      assertThat(disagreements(system)).isEmpty();
      assertThat(disagreements(device)).isEmpty();
    }
  }

  @Test
  void winHttpSetToDirectDisagreesWithAWpadProxy() {
    try (WpadServers net = new WpadServers().script("wpad.corp.example", RouteFinderTest.SCRIPT)) {
      MachineProxy machine =
          windows(
              "wininet-direct.txt", "wininet-connections-autodetect.txt", "winhttp-reg-direct.txt");

      FoundRoutes found =
          net.finder(machine).find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(disagreements(found))
          .singleElement()
          .asString()
          .startsWith(
              "This machine's WinHTTP setting (WinHttpSettings: direct access) sends 2 of 3"
                  + " endpoints another way than this check did (device: WPAD")
          .contains(
              "for example ztd.dds.microsoft.com DIRECT instead of PROXY proxy.corp.example:3128");
    }
  }

  @Test
  void aScriptOnlyTheUsersWinInetKnowsIsNamed() {
    try (WpadServers net = new WpadServers()) {
      MachineProxy machine =
          windows(
              "wininet-pac-only.txt", "wininet-connections-direct.txt", "winhttp-reg-absent.txt");

      FoundRoutes found =
          net.finder(machine).find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.warnings()).isEmpty();
      assertThat(disagreements(found))
          .singleElement()
          .asString()
          .startsWith("This machine's WinINET setting (ProxyEnable 0, AutoConfigURL " + PAC_URL)
          .contains("uses the proxy script " + PAC_URL, "only if WPAD hands it out");
    }
  }

  @Test
  void linuxProxyVariablesDecideAndGnomeIsCompared() {
    MachineProxy machine =
        new MachineProxy(
            command -> command.equals(GnomeProxy.COMMAND) ? fixture("gsettings-manual.txt") : null,
            "Linux");
    CheckSettings settings =
        WpadServers.settings(ProxySource.SYSTEM).toBuilder()
            .proxyVariables(
                EnvironmentProxy.setting(Map.of("HTTPS_PROXY", "http://other.corp.example:8080"))
                    .orElseThrow())
            .build();
    try (WpadServers net = new WpadServers()) {
      FoundRoutes found = net.finder(machine).find(settings);

      assertThat(found.summary().found())
          .isEqualTo("environment: HTTPS_PROXY=http://other.corp.example:8080");
      assertThat(found.routes().select(ZTD).route())
          .isEqualTo(Route.proxy("other.corp.example", 8080));
      assertThat(found.routes().select(CRL).route()).isEqualTo(Route.DIRECT);
      assertThat(disagreements(found))
          .hasSize(2)
          .anySatisfy(w -> assertThat(w).startsWith("This machine's GNOME setting (mode 'manual'"))
          .anySatisfy(w -> assertThat(w).startsWith("A device in OOBE has none"));
    }
  }

  @Test
  void aMachineWithoutSettingsIsDirectAndAgreesWithADirectDevice() {
    try (WpadServers net = new WpadServers()) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.SYSTEM, "corp.example"));

      assertThat(found.routes()).isSameAs(RouteSelector.DIRECT);
      assertThat(found.summary().found()).isEqualTo("no proxy setting on this machine, so direct");
      assertThat(disagreements(found)).isEmpty();
      assertThat(found.warnings()).isEmpty();
    }
  }

  @Test
  void aDirectDeviceOnAMachineWithoutSettingsRaisesNothing() {
    try (WpadServers net = new WpadServers()) {
      FoundRoutes found =
          net.finder(WpadServers.bareMachine())
              .find(WpadServers.settings(ProxySource.DEVICE, "corp.example"));

      assertThat(disagreements(found)).isEmpty();
      assertThat(found.warnings()).isEmpty();
    }
  }
}
