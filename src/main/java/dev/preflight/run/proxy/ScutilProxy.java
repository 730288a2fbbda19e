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
 * The macOS proxy settings of the current network service, as {@code scutil --proxy} prints the
 * system configuration's proxies dictionary: {@code ProxyAutoDiscoveryEnable} (WPAD), {@code
 * ProxyAutoConfigEnable} with {@code ProxyAutoConfigURLString}, {@code HTTPEnable}/{@code
 * HTTPProxy}/{@code HTTPPort} and the same for {@code HTTPS}, the {@code ExceptionsList} array (see
 * {@link BypassList}) and {@code ExcludeSimpleHostnames} (like Windows' {@code <local>}). Nested
 * dictionaries (per-interface scopes) are skipped.
 */
public final class ScutilProxy {
  static final String ORIGIN = "macOS";
  public static final List<String> COMMAND = List.of("scutil", "--proxy");

  private static final Pattern FIELD = Pattern.compile("^\\s*(\\w+) : (.*?)\\s*$");
  private static final Pattern ITEM = Pattern.compile("^\\s*\\d+ : (.*?)\\s*$");

  private ScutilProxy() {}

  /** The setting; empty when no proxy kind is enabled (the default). */
  public static Optional<ProxySetting> parse(String output) {
    Map<String, String> fields = new HashMap<>();
    List<String> exceptions = new ArrayList<>();
    int depth = 0;
    String array = "";
    for (String line : output.split("\\R")) {
      String text = line.strip();
      Matcher field = FIELD.matcher(line);
      Matcher item = ITEM.matcher(line);
      if (text.equals("}")) {
        depth--;
        continue;
      }
      if (depth == 2 && array.equals("ExceptionsList") && item.matches()) {
        exceptions.add(item.group(1));
      } else if (depth == 1 && field.matches()) {
        array = field.group(2).equals("<array> {") ? field.group(1) : "";
        fields.put(field.group(1), field.group(2));
      }
      depth += text.endsWith("{") ? 1 : 0;
    }
    return setting(fields, exceptions);
  }

  private static Optional<ProxySetting> setting(
      Map<String, String> fields, List<String> exceptions) {
    boolean detect = on(fields, "ProxyAutoDiscoveryEnable");
    String pac =
        on(fields, "ProxyAutoConfigEnable") ? fields.get("ProxyAutoConfigURLString") : null;
    List<String> bypass = new ArrayList<>(exceptions);
    if (on(fields, "ExcludeSimpleHostnames")) {
      bypass.add("<local>");
    }
    Route http = proxy(fields, "HTTP");
    Route https = proxy(fields, "HTTPS");
    ManualProxy manual =
        http == null && https == null ? null : new ManualProxy(http, https, BypassList.of(bypass));
    if (!detect && pac == null && manual == null) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (detect) {
      parts.add("ProxyAutoDiscoveryEnable 1");
    }
    if (pac != null) {
      parts.add("ProxyAutoConfigURLString " + pac);
    }
    if (http != null) {
      parts.add("HTTPProxy " + http.host() + ":" + http.port());
    }
    if (https != null) {
      parts.add("HTTPSProxy " + https.host() + ":" + https.port());
    }
    if (manual != null && !bypass.isEmpty()) {
      parts.add("ExceptionsList " + String.join(";", bypass));
    }
    return Optional.of(new ProxySetting(ORIGIN, String.join(", ", parts), detect, pac, manual));
  }

  private static @Nullable Route proxy(Map<String, String> fields, String scheme) {
    if (!on(fields, scheme + "Enable") || !fields.containsKey(scheme + "Proxy")) {
      return null;
    }
    String port = fields.getOrDefault(scheme + "Port", "80");
    return ManualProxy.route(fields.get(scheme + "Proxy") + ":" + port, false);
  }

  private static boolean on(Map<String, String> fields, String name) {
    return "1".equals(fields.get(name));
  }
}
