package dev.preflight.policy.pac;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Proxy addresses that swallow requests instead of forwarding them: PAC files use them to block
 * (for example {@code PROXY 127.0.0.1:9}). By default the unspecified addresses ({@code 0.0.0.0},
 * {@code ::}) on any port and port 0 or 9 (discard) on any host; more entries, {@code host} or
 * {@code host:port}, can be added.
 */
public record BlackHoles(List<String> entries) {
  private static final Set<String> UNSPECIFIED = Set.of("0.0.0.0", "::", "[::]");
  private static final Set<Integer> DISCARD_PORTS = Set.of(0, 9);

  public BlackHoles {
    entries = entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** Only the built-in black holes. */
  public static BlackHoles defaults() {
    return new BlackHoles(List.of());
  }

  /** The defaults plus {@code extra} ({@code host} for every port, or {@code host:port}). */
  public BlackHoles with(List<String> extra) {
    return new BlackHoles(
        java.util.stream.Stream.concat(entries.stream(), extra.stream()).toList());
  }

  /** True when {@code route} is a proxy that black-holes traffic; DIRECT never is. */
  public boolean contains(PacRoute route) {
    if (route.isDirect()) {
      return false;
    }
    String host = route.host().toLowerCase(Locale.ROOT);
    return UNSPECIFIED.contains(host)
        || DISCARD_PORTS.contains(route.port())
        || entries.contains(host)
        || entries.contains(host + ":" + route.port());
  }
}
