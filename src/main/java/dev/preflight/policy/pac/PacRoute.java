package dev.preflight.policy.pac;

import dev.preflight.common.HostPort;
import dev.preflight.common.IpAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a PAC result: {@code DIRECT} or a proxy of some kind with its host and port.
 *
 * <p>{@link #toString()} spells the entry as PAC spells it ({@code PROXY proxy.corp:8080});
 * keywords are upper case whatever case the script used.
 *
 * @param kind DIRECT, PROXY, HTTPS, SOCKS, SOCKS4 or SOCKS5
 * @param host the proxy host, or null for DIRECT
 * @param port the proxy port, or 0 for DIRECT
 */
public record PacRoute(Kind kind, @Nullable String host, int port) {

  /** The PAC keywords. {@code HTTP} is accepted as a synonym of {@code PROXY}, as browsers do. */
  public enum Kind {
    DIRECT,
    PROXY,
    HTTPS,
    SOCKS,
    SOCKS4,
    SOCKS5
  }

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.-]+");

  /** The route that sends the request straight to the origin. */
  public static final PacRoute DIRECT = new PacRoute(Kind.DIRECT, null, 0);

  public PacRoute {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.DIRECT) != (host == null)) {
      throw new IllegalArgumentException("DIRECT has no host; every proxy has one");
    }
  }

  /** True for {@code DIRECT}. */
  public boolean isDirect() {
    return kind == Kind.DIRECT;
  }

  /**
   * Parses one entry such as {@code PROXY host:port}; empty when it is not a valid entry. IPv6
   * proxies are written in brackets: {@code PROXY [2001:db8::1]:3128}.
   */
  public static Optional<PacRoute> parse(String entry) {
    String[] words = entry.strip().split("\\s+");
    String keyword = words[0].toUpperCase(Locale.ROOT);
    if (keyword.equals("DIRECT")) {
      return words.length == 1 ? Optional.of(DIRECT) : Optional.empty();
    }
    Kind kind = keyword.equals("HTTP") ? Kind.PROXY : kindOf(keyword);
    if (kind == null || words.length != 2) {
      return Optional.empty();
    }
    return hostPort(kind, words[1]);
  }

  private static @Nullable Kind kindOf(String keyword) {
    for (Kind kind : Kind.values()) {
      if (kind.name().equals(keyword)) {
        return kind;
      }
    }
    return null;
  }

  private static Optional<PacRoute> hostPort(Kind kind, String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      String literal = HostPort.unbracketed(host);
      if (IpAddress.tryParse(literal).filter(a -> a.family() == IpAddress.Family.IPV6).isEmpty()) {
        return Optional.empty();
      }
    } else if (!HOST.matcher(host).matches()) {
      // A name or an IPv4 address; anything else (credentials, control characters) is malformed.
      return Optional.empty();
    }
    String digits = text.substring(colon + 1);
    if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int port = Integer.parseInt(digits);
    return port > 65535 ? Optional.empty() : Optional.of(new PacRoute(kind, host, port));
  }

  @Override
  public String toString() {
    return kind == Kind.DIRECT ? "DIRECT" : kind.name() + " " + host + ":" + port;
  }
}
