package dev.preflight.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a check's routes come from when neither {@code --proxy} nor {@code --pac} gives them
 * ({@code --proxy-source}).
 */
public enum ProxySource {
  /**
   * What a device in OOBE does: it has no proxy setting of its own, so it discovers one with WPAD
   * (DHCP option 252, then {@code wpad.<suffix>} in DNS) and goes out directly when there is none.
   */
  DEVICE,
  /**
   * What this machine's own applications use: WinINET, then WinHTTP on Windows; {@code scutil
   * --proxy} on macOS; the {@code *_PROXY} variables, then GNOME's setting elsewhere.
   */
  SYSTEM,
  /** Every request goes out directly: a control run. */
  NONE;

  /** The name the command line and the report use: {@code device}, {@code system}, {@code none}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source named {@code id}, in any case. */
  public static Optional<ProxySource> parse(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id.strip())).findFirst();
  }
}
