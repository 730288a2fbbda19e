package dev.preflight.run.proxy;

import dev.preflight.common.Display;
import dev.preflight.common.Secrets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One proxy setting of this machine, as one component reads it: automatic detection (WPAD), an
 * automatic configuration script, a proxy set by hand, or any mix of them. The client tries them in
 * that order, as Internet Options and macOS do, falling back to the next when one yields no proxy;
 * with none set, requests go out directly.
 *
 * @param origin the component whose setting this is ({@code WinHTTP}, {@code WinINET}, {@code
 *     macOS}, {@code GNOME})
 * @param text what was read, on one line, credentials redacted, for the report
 * @param autoDetect true when the component discovers its proxy with WPAD
 * @param pacUrl the automatic configuration script's URL, or null
 * @param manual the proxy set by hand, or null
 */
public record ProxySetting(
    String origin,
    String text,
    boolean autoDetect,
    @Nullable String pacUrl,
    @Nullable ManualProxy manual) {
  public ProxySetting {
    Objects.requireNonNull(origin, "origin");
    text = Display.line(Secrets.redact(text));
  }

  /** A setting that sends every request directly. */
  public static ProxySetting direct(String origin, String text) {
    return new ProxySetting(origin, text, false, null, null);
  }

  /** True when this setting sends every request directly. */
  public boolean direct() {
    return !autoDetect && pacUrl == null && manual == null;
  }
}
