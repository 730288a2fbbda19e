package dev.preflight.run.proxy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The binary proxy settings Windows keeps in the registry for WinHTTP ({@code WinHttpSettings}) and
 * for WinINET's connections ({@code DefaultConnectionSettings}); the layout is described in {@code
 * docs/windows-proxy-settings.md}. Little-endian 32-bit fields: a version, a change counter, the
 * flags, then length-prefixed ASCII strings: the proxy server list, the bypass list and, where
 * present, the automatic configuration URL.
 *
 * @param flags {@link #DIRECT}, {@link #PROXY}, {@link #AUTO_PROXY_URL}, {@link #AUTO_DETECT}
 * @param proxy the proxy server list, empty for none
 * @param bypass the bypass list, empty for none
 * @param pacUrl the automatic configuration URL, empty for none
 */
public record ConnectionSettings(int flags, String proxy, String bypass, String pacUrl) {
  /** The flags of {@code INTERNET_PER_CONN_FLAGS}, which the blob stores. */
  public static final int DIRECT = 1;

  public static final int PROXY = 2;
  public static final int AUTO_PROXY_URL = 4;
  public static final int AUTO_DETECT = 8;

  /** Longer strings than this are not proxy settings: the blob is damaged. */
  private static final int MAX_STRING = 64 * 1024;

  /** The settings in {@code blob}, or empty when it is too short or a length runs past its end. */
  public static Optional<ConnectionSettings> parse(byte[] blob) {
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    if (in.remaining() < 12) {
      return Optional.empty();
    }
    in.getInt(); // version: 0x18 for WinHTTP, 0x3C or 0x46 for WinINET, by Windows release
    in.getInt(); // change counter
    int flags = in.getInt();
    Optional<String> proxy = string(in);
    Optional<String> bypass = proxy.flatMap(p -> string(in));
    if (bypass.isEmpty()) {
      return Optional.empty();
    }
    // WinHttpSettings ends after the bypass list; WinINET's blob goes on with the script URL.
    String pacUrl = in.remaining() >= 4 ? string(in).orElse("") : "";
    return Optional.of(new ConnectionSettings(flags, proxy.get(), bypass.get(), pacUrl));
  }

  /** True when {@code flag} is set. */
  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  private static Optional<String> string(ByteBuffer in) {
    if (in.remaining() < 4) {
      return Optional.empty();
    }
    int length = in.getInt();
    if (length < 0 || length > MAX_STRING || length > in.remaining()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1).replace("\0", "").strip());
  }
}
