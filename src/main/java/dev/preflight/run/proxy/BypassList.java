package dev.preflight.run.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Windows or macOS proxy bypass list: WinINET's {@code ProxyOverride}, the WinHTTP bypass list
 * ({@code netsh winhttp set proxy ... bypass-list=}), macOS's {@code ExceptionsList}.
 *
 * <p>Entries are compared case-insensitively with the host; {@code *} matches any run of characters
 * ({@code *.corp.example}, {@code 10.*}), and an entry without one matches only that host. {@code
 * <local>} matches every host name without a dot, as Internet Options' "Bypass proxy server for
 * local addresses" does. A {@code scheme://} prefix is ignored, and a trailing {@code :port} limits
 * the entry to that port. Address ranges such as macOS's {@code 169.254/16} match no host name,
 * which is all preflight routes.
 */
public final class BypassList implements Bypass {
  private record Entry(Pattern host, int port) {}

  private final List<Entry> entries;
  private final boolean local;

  private BypassList(List<Entry> entries, boolean local) {
    this.entries = List.copyOf(entries);
    this.local = local;
  }

  /** The list from its entries; blank ones are skipped. */
  public static BypassList of(List<String> items) {
    List<Entry> entries = new ArrayList<>();
    boolean local = false;
    for (String raw : items) {
      String item = raw.strip().toLowerCase(Locale.ROOT);
      if (item.equals("<local>")) {
        local = true;
      } else if (!item.isEmpty() && !item.startsWith("<")) {
        entries.add(entry(item));
      }
    }
    return new BypassList(entries, local);
  }

  /** The list from Windows text: entries separated by semicolons or white space. */
  public static BypassList parse(String text) {
    return of(List.of(text.split("[;\\s]+")));
  }

  private static Entry entry(String item) {
    String host = item.contains("://") ? item.substring(item.indexOf("://") + 3) : item;
    int port = 0;
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(':') == colon && host.substring(colon + 1).matches("\\d{1,5}")) {
      port = Integer.parseInt(host.substring(colon + 1));
      host = host.substring(0, colon);
    }
    StringBuilder regex = new StringBuilder();
    for (String part : host.split("\\*", -1)) {
      regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
    }
    return new Entry(Pattern.compile(regex.toString()), port);
  }

  @Override
  public boolean bypasses(String host, int port) {
    String name = host.toLowerCase(Locale.ROOT);
    if (local && name.indexOf('.') < 0) {
      return true;
    }
    return entries.stream()
        .anyMatch(e -> (e.port() == 0 || e.port() == port) && e.host().matcher(name).matches());
  }
}
