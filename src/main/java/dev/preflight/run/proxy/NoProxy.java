package dev.preflight.run.proxy;

import dev.preflight.common.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code NO_PROXY} list: hosts that bypass the proxy from {@code HTTPS_PROXY}/{@code
 * HTTP_PROXY}.
 *
 * <p>Semantics follow Go's {@code httpproxy} package, which most tools share, and GLib's {@code
 * GSimpleProxyResolver}, which reads GNOME's {@code ignore-hosts} the same way: entries are
 * separated by commas or spaces and compared case-insensitively; {@code *} alone bypasses every
 * host; {@code example.com} matches that host and every subdomain; {@code .example.com} (or {@code
 * *.example.com}) matches subdomains only; {@code host:port} matches only that port; an IP address
 * matches only itself.
 */
public final class NoProxy implements Bypass {
  private record Entry(String domain, boolean subdomainsOnly, int port) {}

  private final boolean everything;
  private final List<Entry> entries;

  private NoProxy(boolean everything, List<Entry> entries) {
    this.everything = everything;
    this.entries = List.copyOf(entries);
  }

  /** An empty list: nothing bypasses the proxy. */
  public static final NoProxy NONE = new NoProxy(false, List.of());

  /** Parses a {@code NO_PROXY} value; null or blank gives {@link #NONE}. */
  public static NoProxy parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    boolean everything = false;
    List<Entry> entries = new ArrayList<>();
    for (String raw : value.split("[,\\s]+")) {
      String item = raw.trim().toLowerCase(Locale.ROOT);
      if (item.equals("*")) {
        everything = true;
      } else if (!item.isEmpty()) {
        entries.add(entry(item));
      }
    }
    return new NoProxy(everything, entries);
  }

  private static Entry entry(String item) {
    int port = 0;
    String host = item;
    int colon = item.lastIndexOf(':');
    boolean bracketed = item.startsWith("[");
    // A bare IPv6 address has several colons and no port; a bracketed one may carry ":port".
    boolean portAllowed = bracketed ? item.lastIndexOf(']') < colon : item.indexOf(':') == colon;
    if (colon > 0 && portAllowed && item.substring(colon + 1).matches("\\d{1,5}")) {
      port = Integer.parseInt(item.substring(colon + 1));
      host = item.substring(0, colon);
    }
    if (bracketed) {
      host = HostPort.unbracketed(host);
    }
    if (host.startsWith("*.")) {
      host = host.substring(1);
    }
    boolean subdomainsOnly = host.startsWith(".");
    return new Entry(subdomainsOnly ? host.substring(1) : host, subdomainsOnly, port);
  }

  @Override
  public boolean bypasses(String host, int port) {
    if (everything) {
      return true;
    }
    String name = stripDot(host.toLowerCase(Locale.ROOT));
    return entries.stream().anyMatch(e -> matches(e, name, port));
  }

  private static boolean matches(Entry entry, String host, int port) {
    if (entry.port() != 0 && entry.port() != port) {
      return false;
    }
    String domain = stripDot(entry.domain());
    boolean sub = host.endsWith("." + domain);
    return entry.subdomainsOnly() ? sub : sub || host.equals(domain);
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  @Override
  public String toString() {
    return everything ? "*" : entries.toString();
  }
}
