package dev.preflight.run.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** macOS's {@code scutil --proxy}, GNOME's gsettings and NetworkManager's DHCP options. */
@Timeout(10)
class UnixSettingsTest {
  @Test
  void scutilManualProxiesWithExceptionsAndSimpleHostnames() {
    ProxySetting setting = ScutilProxy.parse(Fixtures.text("scutil-manual.txt")).orElseThrow();
    ManualProxy manual = setting.manual();

    assertThat(setting.origin()).isEqualTo("macOS");
    assertThat(setting.autoDetect()).as("the scoped dictionary is skipped").isFalse();
    assertThat(setting.pacUrl()).isNull();
    assertThat(manual.route(false, "crl.microsoft.com", 80))
        .isEqualTo(Route.proxy("proxy.corp.example", 3128));
    assertThat(manual.route(true, "ztd.dds.microsoft.com", 443))
        .isEqualTo(Route.proxy("proxy.corp.example", 3129));
    assertThat(manual.route(true, "printer.local", 443)).isNull();
    assertThat(manual.route(true, "dc1.corp.example", 443)).isNull();
    assertThat(manual.route(true, "intranet", 443)).as("ExcludeSimpleHostnames").isNull();
    assertThat(setting.text())
        .isEqualTo(
            "HTTPProxy proxy.corp.example:3128, HTTPSProxy proxy.corp.example:3129,"
                + " ExceptionsList *.local;169.254/16;*.corp.example;<local>");
  }

  @Test
  void scutilAutomaticDiscoveryAndScript() {
    ProxySetting setting = ScutilProxy.parse(Fixtures.text("scutil-pac.txt")).orElseThrow();

    assertThat(setting.autoDetect()).isTrue();
    assertThat(setting.pacUrl()).isEqualTo("http://pac.corp.example/proxy.pac");
    assertThat(setting.manual()).isNull();
  }

  @Test
  void scutilWithNothingEnabledIsNoSetting() {
    assertThat(ScutilProxy.parse(Fixtures.text("scutil-none.txt"))).isEmpty();
  }

  @Test
  void gnomeManualModeUsesTheHttpProxyForHttpsWhenAskedTo() {
    ProxySetting setting = GnomeProxy.parse(Fixtures.text("gsettings-manual.txt")).orElseThrow();
    ManualProxy manual = setting.manual();

    assertThat(manual.route(true, "ztd.dds.microsoft.com", 443))
        .isEqualTo(Route.proxy("proxy.corp.example", 3128));
    assertThat(manual.route(false, "crl.microsoft.com", 80))
        .isEqualTo(Route.proxy("proxy.corp.example", 3128));
    assertThat(manual.route(true, "login.microsoftonline.com", 443)).isNull();
    assertThat(manual.route(true, "app.corp.example", 443)).isNull();
    assertThat(manual.route(true, "localhost", 443)).isNull();
    assertThat(setting.text())
        .isEqualTo(
            "mode 'manual', http proxy.corp.example:3128, https proxy.corp.example:3128,"
                + " ignore-hosts localhost,127.0.0.0/8,::1,.corp.example,login.microsoftonline.com");
  }

  @Test
  void gnomeAutoModeWithAUrlIsThatScript() {
    ProxySetting setting = GnomeProxy.parse(Fixtures.text("gsettings-auto.txt")).orElseThrow();

    assertThat(setting.pacUrl()).isEqualTo("http://pac.corp.example/proxy.pac");
    assertThat(setting.autoDetect()).isFalse();
  }

  @Test
  void gnomeAutoModeWithoutAUrlIsWpad() {
    String text =
        Fixtures.text("gsettings-auto.txt").replace("'http://pac.corp.example/proxy.pac'", "''");

    ProxySetting setting = GnomeProxy.parse(text).orElseThrow();

    assertThat(setting.autoDetect()).isTrue();
    assertThat(setting.pacUrl()).isNull();
  }

  @Test
  void gnomeModeNoneAndAMissingSchemaAreNoSetting() {
    assertThat(GnomeProxy.parse(Fixtures.text("gsettings-none.txt"))).isEmpty();
    assertThat(GnomeProxy.parse("No such schema “org.gnome.system.proxy”\n")).isEmpty();
  }

  @Test
  void networkManagerNamesTheWpadUrlOfItsDevice() {
    assertThat(DhcpWpad.fromNmcli(Fixtures.text("nmcli-dhcp4.txt")))
        .containsExactly(new DhcpWpad("enp0s31f6", "http://wpad-server.corp.example/wpad.dat"));
  }
}
