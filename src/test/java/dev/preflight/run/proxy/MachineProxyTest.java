package dev.preflight.run.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Route;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which tools are asked on each system, and what becomes of their answers. */
@Timeout(10)
class MachineProxyTest {
  /** Answers each command with a fixture; commands it does not know cannot run. */
  private static final class FixtureTools implements MachineProxy.Tools {
    private final Map<List<String>, String> answers;
    final List<List<String>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    FixtureTools(Map<List<String>, String> fixtures) {
      this.answers = new ConcurrentHashMap<>();
      fixtures.forEach((command, name) -> answers.put(command, Fixtures.text(name)));
    }

    @Override
    public String output(List<String> command) {
      asked.add(command);
      return answers.get(command);
    }
  }

  @Test
  void windowsReadsWinInetThenWinHttpAndTheDhcpOptions() {
    FixtureTools tools =
        new FixtureTools(
            Map.of(
                WinInetSettings.SETTINGS_QUERY, "wininet-pac-only.txt",
                WinInetSettings.CONNECTIONS_QUERY, "wininet-connections-autodetect.txt",
                WinHttpSettings.REGISTRY_QUERY, "winhttp-reg-proxy.txt",
                DhcpWpad.REGISTRY_QUERY, "dhcp-interfaces.txt"));

    MachineProxy.Reading reading = new MachineProxy(tools, "Windows 11").read(null);

    assertThat(reading.settings())
        .extracting(ProxySetting::origin)
        .containsExactly("WinINET", "WinHTTP");
    assertThat(reading.settings().get(0).pacUrl()).isEqualTo("http://pac.corp.example/proxy.pac");
    assertThat(reading.settings().get(0).autoDetect()).isTrue();
    assertThat(reading.settings().get(1).manual().route(true, "a.example", 443))
        .isEqualTo(Route.proxy("proxy.corp.example", 8443));
    assertThat(reading.dhcp())
        .extracting(DhcpWpad::url)
        .containsExactly("http://proxy-config.corp.example/proxy.pac");
    assertThat(tools.asked).doesNotContain(WinHttpSettings.NETSH);
  }

  @Test
  void windowsAsksNetshOnlyWhenRegCannotRun() {
    FixtureTools tools = new FixtureTools(Map.of(WinHttpSettings.NETSH, "netsh-proxy.txt"));

    MachineProxy.Reading reading = new MachineProxy(tools, "Windows Server 2022").read(null);

    assertThat(reading.settings())
        .extracting(ProxySetting::text)
        .containsExactly(
            "netsh winhttp: proxy proxy.corp.example:3128, bypass <local>;*.corp.example");
    assertThat(reading.dhcp()).isEmpty();
  }

  @Test
  void aNeverSetWinHttpValueIsNotReplacedByNetsh() {
    FixtureTools tools =
        new FixtureTools(
            Map.of(
                WinHttpSettings.REGISTRY_QUERY,
                "winhttp-reg-absent.txt",
                WinHttpSettings.NETSH,
                "netsh-proxy.txt"));

    assertThat(new MachineProxy(tools, "Windows 10").read(null).settings()).isEmpty();
    assertThat(tools.asked).doesNotContain(WinHttpSettings.NETSH);
  }

  @Test
  void macOsReadsScutil() {
    FixtureTools tools = new FixtureTools(Map.of(ScutilProxy.COMMAND, "scutil-pac.txt"));

    MachineProxy.Reading reading = new MachineProxy(tools, "Mac OS X").read(null);

    assertThat(reading.settings()).extracting(ProxySetting::origin).containsExactly("macOS");
    assertThat(tools.asked).containsExactly(ScutilProxy.COMMAND);
  }

  @Test
  void linuxReadsGnomeAndNetworkManager() {
    FixtureTools tools =
        new FixtureTools(
            Map.of(GnomeProxy.COMMAND, "gsettings-manual.txt", DhcpWpad.NMCLI, "nmcli-dhcp4.txt"));

    MachineProxy.Reading reading = new MachineProxy(tools, "Linux").read(null);

    assertThat(reading.settings()).extracting(ProxySetting::origin).containsExactly("GNOME");
    assertThat(reading.dhcp()).extracting(DhcpWpad::interfaceName).containsExactly("enp0s31f6");
  }

  @Test
  void missingToolsContributeNothing() {
    MachineProxy.Reading reading = new MachineProxy(command -> null, "Linux").read(null);

    assertThat(reading.settings()).isEmpty();
    assertThat(reading.dhcp()).isEmpty();
  }
}
