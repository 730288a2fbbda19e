package dev.preflight.run.proxy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-wide WinHTTP proxy, which Windows services use (Windows Update, the certificate
 * checks, many agents): {@code netsh winhttp set proxy} writes it, as the registry value {@code
 * WinHttpSettings} (see {@link ConnectionSettings}). Read from the registry first, because {@code
 * netsh winhttp show proxy} prints the same "Direct access" for the default and for a value set to
 * direct, and its text is translated on localized Windows; netsh is the fallback when {@code reg}
 * cannot run.
 */
public final class WinHttpSettings {
  static final String ORIGIN = "WinHTTP";

  /** Prints the value, or an error line when it was never set. */
  public static final List<String> REGISTRY_QUERY =
      List.of(
          "reg",
          "query",
          "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections",
          "/v",
          "WinHttpSettings");

  public static final List<String> NETSH = List.of("netsh", "winhttp", "show", "proxy");

  private static final Pattern NETSH_FIELD =
      Pattern.compile("^\\s*(Proxy Server\\(s\\)|Bypass List)\\s*:\\s*(.*?)\\s*$");

  private WinHttpSettings() {}

  /** The setting in {@code reg query} output; empty when the value is absent (never set). */
  public static Optional<ProxySetting> fromRegistry(String output) {
    return RegQuery.find(RegQuery.parse(output), "WinHttpSettings")
        .flatMap(RegQuery.Value::bytes)
        .flatMap(ConnectionSettings::parse)
        .map(WinHttpSettings::setting);
  }

  /**
   * The setting in {@code netsh winhttp show proxy} output: a proxy when it names one; empty for
   * "Direct access", which cannot tell a direct setting from no setting.
   */
  public static Optional<ProxySetting> fromNetsh(String output) {
    String proxy = "";
    String bypass = "";
    for (String line : output.split("\\R")) {
      Matcher field = NETSH_FIELD.matcher(line);
      if (field.matches() && field.group(1).startsWith("Proxy")) {
        proxy = field.group(2);
      } else if (field.matches()) {
        bypass = field.group(2).equals("(none)") ? "" : field.group(2);
      }
    }
    ManualProxy manual = ManualProxy.parse(proxy, BypassList.parse(bypass));
    if (manual == null) {
      return Optional.empty();
    }
    String text = "netsh winhttp: proxy " + proxy + (bypass.isEmpty() ? "" : ", bypass " + bypass);
    return Optional.of(new ProxySetting(ORIGIN, text, false, null, manual));
  }

  private static ProxySetting setting(ConnectionSettings blob) {
    ManualProxy manual =
        blob.has(ConnectionSettings.PROXY)
            ? ManualProxy.parse(blob.proxy(), BypassList.parse(blob.bypass()))
            : null;
    boolean detect = blob.has(ConnectionSettings.AUTO_DETECT);
    String pac =
        blob.has(ConnectionSettings.AUTO_PROXY_URL) && !blob.pacUrl().isEmpty()
            ? blob.pacUrl()
            : null;
    String text =
        manual == null && !detect && pac == null
            ? "WinHttpSettings: direct access"
            : "WinHttpSettings:"
                + (detect ? " automatic detection" : "")
                + (pac == null ? "" : " script " + pac)
                + (manual == null ? "" : " proxy " + blob.proxy())
                + (manual == null || blob.bypass().isEmpty() ? "" : ", bypass " + blob.bypass());
    return new ProxySetting(ORIGIN, text, detect, pac, manual);
  }
}
