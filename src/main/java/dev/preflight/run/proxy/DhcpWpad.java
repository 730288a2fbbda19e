package dev.preflight.run.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WPAD URL a DHCP server handed an interface in option 252 ({@code auto-proxy-config}, the WPAD
 * draft's DHCP method), which a client tries before DNS discovery. Read where the operating system
 * keeps the options it received:
 *
 * <ul>
 *   <li>Windows: the {@code DhcpInterfaceOptions} value of each interface under {@code
 *       HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters\Interfaces}, the DHCP client's
 *       record of every option received (layout in {@code docs/windows-proxy-settings.md});
 *   <li>Linux with NetworkManager: the {@code DHCP4.OPTION} lines of {@code nmcli}, which name the
 *       option {@code wpad}.
 * </ul>
 *
 * @param interfaceName the interface (a GUID on Windows, a device name on Linux)
 * @param url the {@code http} or {@code https} URL of the script
 */
public record DhcpWpad(String interfaceName, String url) {
  /** The DHCP option number of the WPAD URL (draft-ietf-wrec-wpad-01). */
  static final int OPTION = 252;

  public static final List<String> REGISTRY_QUERY =
      List.of(
          "reg",
          "query",
          "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces",
          "/s",
          "/v",
          "DhcpInterfaceOptions");

  public static final List<String> NMCLI =
      List.of("nmcli", "-t", "-f", "GENERAL.DEVICE,DHCP4", "device", "show");

  private static final Pattern NMCLI_OPTION =
      Pattern.compile("^DHCP4\\.OPTION\\[\\d+\\]:wpad = (\\S+)\\s*$");

  public DhcpWpad {
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(url, "url");
  }

  /** The URLs in {@code reg query /s /v DhcpInterfaceOptions} output, one per interface at most. */
  public static List<DhcpWpad> fromRegistry(String output) {
    List<DhcpWpad> found = new ArrayList<>();
    for (RegQuery.Value value : RegQuery.parse(output)) {
      if (value.name().equalsIgnoreCase("DhcpInterfaceOptions")) {
        String key = value.key();
        String name = key.substring(key.lastIndexOf('\\') + 1);
        value
            .bytes()
            .flatMap(DhcpWpad::option252)
            .flatMap(DhcpWpad::url)
            .ifPresent(url -> found.add(new DhcpWpad(name, url)));
      }
    }
    return List.copyOf(found);
  }

  /** The URLs in {@code nmcli -t -f GENERAL.DEVICE,DHCP4 device show} output. */
  public static List<DhcpWpad> fromNmcli(String output) {
    List<DhcpWpad> found = new ArrayList<>();
    String device = "";
    for (String line : output.split("\\R")) {
      Matcher option = NMCLI_OPTION.matcher(line);
      if (line.startsWith("GENERAL.DEVICE:")) {
        device = line.substring("GENERAL.DEVICE:".length()).strip();
      } else if (option.matches()) {
        String name = device;
        url(option.group(1)).ifPresent(url -> found.add(new DhcpWpad(name, url)));
      }
    }
    return List.copyOf(found);
  }

  /**
   * Option 252's data in a {@code DhcpInterfaceOptions} blob: a sequence of records, each five
   * little-endian 32-bit fields (option code, a reserved field, data length, a vendor-specific
   * flag, the expiry time) and the data, padded to a multiple of four bytes.
   */
  static Optional<String> option252(byte[] blob) {
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    while (in.remaining() >= 20) {
      int code = in.getInt();
      in.getInt();
      int length = in.getInt();
      int vendor = in.getInt();
      in.getInt();
      int padded = (length + 3) & ~3;
      if (length < 0 || padded < 0 || padded > in.remaining()) {
        return Optional.empty();
      }
      byte[] data = new byte[length];
      in.get(data);
      in.position(in.position() + padded - length);
      if (code == OPTION && vendor == 0) {
        return Optional.of(new String(data, StandardCharsets.ISO_8859_1));
      }
    }
    return Optional.empty();
  }

  /** {@code text} as an absolute http(s) URL with a host, without a trailing NUL. */
  static Optional<String> url(String text) {
    String trimmed = text.replace("\0", "").strip();
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return web && uri.getHost() != null && trimmed.length() <= 2048
          ? Optional.of(trimmed)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
