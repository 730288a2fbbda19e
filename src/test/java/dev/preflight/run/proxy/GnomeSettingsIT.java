package dev.preflight.run.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.common.SystemTool;
import dev.preflight.probe.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code gsettings} (GLib's keyfile backend, so the test owns the settings it reads), run
 * through the bounded {@link SystemTool}, read as {@link MachineProxy} reads it on Linux.
 */
@Timeout(30)
class GnomeSettingsIT {
  @TempDir Path home;

  private MachineProxy machine() {
    MachineProxy.Tools tools =
        command -> {
          List<String> withEnvironment =
              new ArrayList<>(
                  List.of(
                      "env",
                      "GSETTINGS_BACKEND=keyfile",
                      "XDG_CONFIG_HOME=" + home,
                      "HOME=" + home));
          withEnvironment.addAll(command);
          return command.get(0).equals("gsettings")
              ? SystemTool.run(Duration.ofSeconds(10), withEnvironment)
              : null;
        };
    return new MachineProxy(tools, "Linux");
  }

  private void settings(String keyfile) throws Exception {
    Path file = home.resolve("glib-2.0/settings/keyfile");
    Files.createDirectories(file.getParent());
    Files.writeString(file, keyfile);
  }

  @Test
  void aManualProxySetInGnomeIsReadBack() throws Exception {
    settings(
        """
        [system/proxy]
        mode='manual'
        ignore-hosts=['localhost', '.corp.example']

        [system/proxy/http]
        host='proxy.corp.example'
        port=3128
        """);

    List<ProxySetting> found = machine().read(null).settings();

    assertThat(found).hasSize(1);
    ManualProxy manual = found.get(0).manual();
    assertThat(manual.route(true, "ztd.dds.microsoft.com", 443))
        .isEqualTo(Route.proxy("proxy.corp.example", 3128));
    assertThat(manual.route(true, "dc1.corp.example", 443)).isNull();
  }

  @Test
  void theDefaultModeIsNoSetting() throws Exception {
    settings("");

    assertThat(machine().read(null).settings()).isEmpty();
  }
}
