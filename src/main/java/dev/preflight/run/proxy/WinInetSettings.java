package dev.preflight.run.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user's WinINET proxy, which Edge, Office and most desktop applications use
 * (Settings &gt; Network &gt; Proxy, Internet Options &gt; LAN settings), read from the values
 * under {@code HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings}: {@code
 * ProxyEnable} (1 turns the manual proxy on), {@code ProxyServer} (see {@link ManualProxy#parse}),
 * {@code ProxyOverride} (see {@link BypassList}), {@code AutoConfigURL} (the script), and {@code
 * AutoDetect} where a policy sets it. The "Automatically detect settings" box itself lives only in
 * the flags of {@code Connections\DefaultConnectionSettings} (see {@link ConnectionSettings}), read
 * as well.
 */
public final class WinInetSettings {
  static final String ORIGIN = "WinINET";
  private static final String KEY =
      "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

  public static final List<String> SETTINGS_QUERY = List.of("reg", "query", KEY);
  public static final List<String> CONNECTIONS_QUERY =
      List.of("reg", "query", KEY + "\\Connections", "/v", "DefaultConnectionSettings");

  private WinInetSettings() {}

  /**
   * The setting from the two queries' output; empty when neither printed any of these values.
   *
   * @param settings the output of {@link #SETTINGS_QUERY}
   * @param connections the output of {@link #CONNECTIONS_QUERY}
   */
  public static Optional<ProxySetting> from(String settings, String connections) {
    List<RegQuery.Value> values = RegQuery.parse(settings);
    Optional<ConnectionSettings> blob =
        RegQuery.find(RegQuery.parse(connections), "DefaultConnectionSettings")
            .flatMap(RegQuery.Value::bytes)
            .flatMap(ConnectionSettings::parse);
    boolean enabled = number(values, "ProxyEnable") == 1;
    String server = text(values, "ProxyServer");
    String override = text(values, "ProxyOverride");
    String script = text(values, "AutoConfigURL");
    long policy = number(values, "AutoDetect");
    boolean detect =
        policy >= 0
            ? policy == 1
            : blob.map(b -> b.has(ConnectionSettings.AUTO_DETECT)).orElse(false);
    if (blob.isEmpty() && !enabled && server.isEmpty() && script.isEmpty() && policy < 0) {
      return Optional.empty();
    }
    ManualProxy manual = enabled ? ManualProxy.parse(server, BypassList.parse(override)) : null;
    List<String> parts = new ArrayList<>();
    parts.add("ProxyEnable " + (enabled ? 1 : 0));
    if (!server.isEmpty()) {
      parts.add("ProxyServer " + server);
    }
    if (!override.isEmpty()) {
      parts.add("ProxyOverride " + override);
    }
    if (!script.isEmpty()) {
      parts.add("AutoConfigURL " + script);
    }
    parts.add("automatic detection " + (detect ? "on" : "off"));
    return Optional.of(
        new ProxySetting(
            ORIGIN, String.join(", ", parts), detect, script.isEmpty() ? null : script, manual));
  }

  private static long number(List<RegQuery.Value> values, String name) {
    return RegQuery.find(values, name).flatMap(RegQuery.Value::number).orElse(-1L);
  }

  private static String text(List<RegQuery.Value> values, String name) {
    return RegQuery.find(values, name).map(RegQuery.Value::data).orElse("");
  }
}
