package dev.preflight.run.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Route;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * WinHTTP, WinINET and the DHCP options, parsed from {@code reg query} and {@code netsh} output.
 */
@Timeout(10)
class WindowsSettingsTest {
  @Test
  void theDocumentedDirectWinHttpValueIsADirectSetting() {
    ProxySetting setting =
        WinHttpSettings.fromRegistry(Fixtures.text("winhttp-reg-direct.txt")).orElseThrow();

    assertThat(setting.direct()).isTrue();
    assertThat(setting.origin()).isEqualTo("WinHTTP");
    assertThat(setting.text()).isEqualTo("WinHttpSettings: direct access");
  }

  @Test
  void aWinHttpProxyWithPerSchemeServersAndABypassList() {
    ProxySetting setting =
        WinHttpSettings.fromRegistry(Fixtures.text("winhttp-reg-proxy.txt")).orElseThrow();
    ManualProxy manual = setting.manual();

    assertThat(manual).isNotNull();
    assertThat(manual.route(false, "crl.microsoft.com", 80))
        .isEqualTo(Route.proxy("proxy.corp.example", 8080));
    assertThat(manual.route(true, "ztd.dds.microsoft.com", 443))
        .isEqualTo(Route.proxy("proxy.corp.example", 8443));
    assertThat(manual.route(true, "intranet", 443)).as("<local>").isNull();
    assertThat(manual.route(true, "app.corp.example", 443)).isNull();
    assertThat(manual.route(true, "10.1.2.3", 443)).isNull();
    assertThat(setting.text())
        .isEqualTo(
            "WinHttpSettings: proxy http=proxy.corp.example:8080;https=proxy.corp.example:8443,"
                + " bypass <local>;*.corp.example;10.*");
  }

  @Test
  void anAbsentWinHttpValueIsNoSetting() {
    assertThat(WinHttpSettings.fromRegistry(Fixtures.text("winhttp-reg-absent.txt"))).isEmpty();
  }

  @Test
  void netshNamesTheProxyAndTheBypassList() {
    ProxySetting setting =
        WinHttpSettings.fromNetsh(Fixtures.text("netsh-proxy.txt")).orElseThrow();

    assertThat(setting.manual().route(true, "login.live.com", 443))
        .isEqualTo(Route.proxy("proxy.corp.example", 3128));
    assertThat(setting.manual().route(true, "dc1.corp.example", 443)).isNull();
    assertThat(setting.text())
        .isEqualTo("netsh winhttp: proxy proxy.corp.example:3128, bypass <local>;*.corp.example");
  }

  @Test
  void netshDirectAccessCannotTellASettingFromNone() {
    assertThat(WinHttpSettings.fromNetsh(Fixtures.text("netsh-direct.txt"))).isEmpty();
  }

  @Test
  void winInetManualProxyPerSchemeWithOverride() {
    ProxySetting setting =
        WinInetSettings.from(
                Fixtures.text("wininet-manual.txt"),
                Fixtures.text("wininet-connections-direct.txt"))
            .orElseThrow();
    ManualProxy manual = setting.manual();

    assertThat(setting.autoDetect()).isFalse();
    assertThat(setting.pacUrl()).isNull();
    assertThat(manual.route(false, "crl.microsoft.com", 80))
        .isEqualTo(Route.proxy("proxy.corp.example", 8080));
    assertThat(manual.route(true, "ztd.dds.microsoft.com", 443))
        .isEqualTo(Route.proxy("secure-proxy.corp.example", 8443));
    assertThat(manual.route(true, "login.microsoftonline.com", 443)).isNull();
    assertThat(manual.route(true, "LOGIN.MicrosoftOnline.com", 443)).isNull();
    assertThat(manual.route(true, "intranet", 443)).isNull();
    assertThat(setting.text())
        .startsWith("ProxyEnable 1, ProxyServer http=proxy.corp.example:8080;")
        .endsWith(
            "ProxyOverride <local>;*.corp.example;login.microsoftonline.com, automatic detection off");
  }

  @Test
  void oneWinInetServerServesEveryScheme() {
    ProxySetting setting =
        WinInetSettings.from(Fixtures.text("wininet-single-proxy.txt"), "").orElseThrow();

    assertThat(setting.manual().route(false, "a.example", 80))
        .isEqualTo(Route.proxy("proxy.corp.example", 3128));
    assertThat(setting.manual().route(true, "a.example", 443))
        .isEqualTo(Route.proxy("proxy.corp.example", 3128));
  }

  @Test
  void winInetAutomaticDetectionComesFromTheConnectionFlags() {
    ProxySetting setting =
        WinInetSettings.from(
                Fixtures.text("wininet-direct.txt"),
                Fixtures.text("wininet-connections-autodetect.txt"))
            .orElseThrow();

    assertThat(setting.autoDetect()).isTrue();
    assertThat(setting.manual()).isNull();
    assertThat(setting.text()).isEqualTo("ProxyEnable 0, automatic detection on");
  }

  @Test
  void winInetScriptWithoutManualProxy() {
    ProxySetting setting =
        WinInetSettings.from(
                Fixtures.text("wininet-pac-only.txt"),
                Fixtures.text("wininet-connections-direct.txt"))
            .orElseThrow();

    assertThat(setting.pacUrl()).isEqualTo("http://pac.corp.example/proxy.pac");
    assertThat(setting.manual()).isNull();
    assertThat(setting.autoDetect()).isFalse();
    assertThat(setting.direct()).isFalse();
  }

  @Test
  void winInetWithNothingEnabledIsADirectSetting() {
    ProxySetting setting =
        WinInetSettings.from(
                Fixtures.text("wininet-direct.txt"),
                Fixtures.text("wininet-connections-direct.txt"))
            .orElseThrow();

    assertThat(setting.direct()).isTrue();
  }

  @Test
  void noWinInetValuesAtAllIsNoSetting() {
    assertThat(WinInetSettings.from("", Fixtures.text("winhttp-reg-absent.txt"))).isEmpty();
  }

  @Test
  void dhcpOption252IsFoundAmongTheOtherOptionsOfItsInterface() {
    List<DhcpWpad> found = DhcpWpad.fromRegistry(Fixtures.text("dhcp-interfaces.txt"));

    assertThat(found)
        .containsExactly(
            new DhcpWpad(
                "{2C4E0A5B-7F43-4D29-9B1E-6A0D3C8F5E21}",
                "http://proxy-config.corp.example/proxy.pac"));
  }

  @Test
  void aTruncatedDhcpRecordEndsTheWalkWithoutAnAnswer() {
    // Option 252, length 40, but only four data bytes follow.
    byte[] blob = HexFormat.of().parseHex("FC00000000000000280000000000000000000000" + "68747470");

    assertThat(DhcpWpad.option252(blob)).isEmpty();
  }

  @Test
  void aDhcpUrlThatIsNoHttpUrlIsIgnored() {
    assertThat(DhcpWpad.url("file://c:/proxy.pac")).isEmpty();
    assertThat(DhcpWpad.url("not a url")).isEmpty();
    assertThat(DhcpWpad.url("http://wpad.corp.example/wpad.dat\0"))
        .hasValue("http://wpad.corp.example/wpad.dat");
  }

  @Test
  void aDamagedBlobIsNoSetting() {
    // Version, counter, flags 3, then a proxy length far beyond the data.
    byte[] blob = HexFormat.of().parseHex("180000000000000003000000FFFF0000");

    assertThat(ConnectionSettings.parse(blob)).isEmpty();
    assertThat(ConnectionSettings.parse(new byte[8])).isEmpty();
  }

  @Test
  void regQueryValuesKeepTheirKeyAndType() {
    List<RegQuery.Value> values = RegQuery.parse(Fixtures.text("wininet-manual.txt"));

    RegQuery.Value enable = RegQuery.find(values, "proxyenable").orElseThrow();
    assertThat(enable.type()).isEqualTo("REG_DWORD");
    assertThat(enable.number()).hasValue(1L);
    assertThat(enable.key()).endsWith("\\Internet Settings");
    assertThat(RegQuery.find(values, "SecureProtocols").orElseThrow().number()).hasValue(0xa80L);
    assertThat(RegQuery.find(values, "ProxyServer").orElseThrow().number()).isEmpty();
  }
}
