package dev.preflight.run.proxy;

import dev.preflight.probe.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * GNOME's proxy setting, which GLib applications and most Linux desktop browsers use, as {@code
 * gsettings list-recursively org.gnome.system.proxy} prints it: one {@code schema key value} line
 * per key, values in GVariant text ({@code 'manual'}, {@code 3128}, {@code ['localhost',
 * '*.corp']}). {@code mode} is {@code none} (direct), {@code auto} (the {@code autoconfig-url}
 * script, or WPAD when that is empty) or {@code manual} ({@code http}/{@code https} host and port,
 * the https proxy falling back to the http one when {@code use-same-proxy} is set, and {@code
 * ignore-hosts} read as {@link NoProxy} reads its list, as GLib does).
 */
public final class GnomeProxy {
  static final String ORIGIN = "GNOME";
  public static final List<String> COMMAND =
      List.of("gsettings", "list-recursively", "org.gnome.system.proxy");

  private static final Pattern LINE =
      Pattern.compile("^org\\.gnome\\.system\\.proxy(\\.\\w+)? ([\\w-]+) (.*)$");
  private static final Pattern STRING =
      Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");

  private GnomeProxy() {}

  /** The setting; empty when the mode is {@code none} (the default) or the schema is absent. */
  public static Optional<ProxySetting> parse(String output) {
    Map<String, String> keys = new HashMap<>();
    for (String line : output.split("\\R")) {
      Matcher m = LINE.matcher(line.strip());
      if (m.matches()) {
        String schema = m.group(1) == null ? "" : m.group(1).substring(1) + ".";
        keys.put(schema + m.group(2), m.group(3));
      }
    }
    String mode = first(keys.get("mode"));
    return switch (mode) {
      case "auto" -> Optional.of(auto(first(keys.get("autoconfig-url"))));
      case "manual" -> Optional.of(manual(keys));
      default -> Optional.empty();
    };
  }

  private static ProxySetting auto(String url) {
    return url.isEmpty()
        ? new ProxySetting(ORIGIN, "mode 'auto' (WPAD)", true, null, null)
        : new ProxySetting(ORIGIN, "mode 'auto', autoconfig-url " + url, false, url, null);
  }

  private static ProxySetting manual(Map<String, String> keys) {
    Route http = proxy(keys, "http");
    Route https = proxy(keys, "https");
    if (https == null && first(keys.get("use-same-proxy")).equals("true")) {
      https = http;
    }
    List<String> ignore = strings(keys.get("ignore-hosts"));
    NoProxy bypass = NoProxy.parse(String.join(",", ignore));
    ManualProxy manual =
        http == null && https == null ? null : new ManualProxy(http, https, bypass);
    String text =
        "mode 'manual'"
            + (http == null ? "" : ", http " + http.host() + ":" + http.port())
            + (https == null ? "" : ", https " + https.host() + ":" + https.port())
            + (ignore.isEmpty() ? "" : ", ignore-hosts " + String.join(",", ignore));
    return new ProxySetting(ORIGIN, text, false, null, manual);
  }

  private static @Nullable Route proxy(Map<String, String> keys, String scheme) {
    String host = first(keys.get(scheme + ".host"));
    String port = first(keys.get(scheme + ".port")).replaceFirst("^u?int\\d+ ", "");
    if (host.isEmpty() || port.equals("0")) {
      return null;
    }
    return ManualProxy.route(host + ":" + port, false);
  }

  /** The first string of a GVariant value, or the value itself when it holds no quoted string. */
  private static String first(@Nullable String value) {
    if (value == null) {
      return "";
    }
    List<String> all = strings(value);
    return all.isEmpty() ? value.strip() : all.get(0);
  }

  private static List<String> strings(@Nullable String value) {
    List<String> found = new ArrayList<>();
    Matcher m = STRING.matcher(value == null ? "" : value);
    while (m.find()) {
      String text = m.group(1) != null ? m.group(1) : m.group(2);
      found.add(text.replaceAll("\\\\(.)", "$1"));
    }
    return found;
  }
}
