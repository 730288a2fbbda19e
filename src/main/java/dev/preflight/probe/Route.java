package dev.preflight.probe;

import dev.preflight.common.HostPort;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a request for an endpoint leaves this machine: directly, or through a proxy, spelled the way
 * a PAC file spells it ({@code DIRECT}, {@code PROXY host:port}, {@code HTTPS host:port}, {@code
 * SOCKS host:port}).
 */
public record Route(Kind kind, @Nullable String host, int port) {
  /** The PAC result kinds. */
  public enum Kind {
    DIRECT,
    PROXY,
    HTTPS,
    SOCKS
  }

  public static final Route DIRECT = new Route(Kind.DIRECT, null, 0);

  public Route {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.DIRECT && (host == null || host.isBlank() || port <= 0 || port > 65535)) {
      throw new IllegalArgumentException("a " + kind + " route needs host:port");
    }
  }

  public static Route proxy(String host, int port) {
    return new Route(Kind.PROXY, host, port);
  }

  /** A {@code PROXY} route to {@code proxy}. */
  public static Route proxy(HostPort proxy) {
    return proxy(proxy.host(), proxy.port());
  }

  public boolean isDirect() {
    return kind == Kind.DIRECT;
  }

  /** {@code DIRECT} or {@code PROXY host:port}, as in the report's {@code route} field. */
  @Override
  public String toString() {
    return isDirect() ? "DIRECT" : kind + " " + HostPort.authority(host, port);
  }
}
