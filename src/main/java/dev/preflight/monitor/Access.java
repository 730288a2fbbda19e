package dev.preflight.monitor;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who may ask serve anything: everyone when no token is set (loopback only), else a request that
 * presents the token as {@code Authorization: Bearer TOKEN} (Prometheus' {@code authorization} with
 * {@code credentials_file}) or as the password of HTTP Basic authentication (any user name: what a
 * browser prompts for). {@code /metrics} may be left open with {@code --metrics-public}. Tokens are
 * compared through their SHA-256 digests in constant time.
 */
public final class Access {
  private final byte @Nullable [] digest;
  private final boolean metricsPublic;

  private Access(byte @Nullable [] digest, boolean metricsPublic) {
    this.digest = digest;
    this.metricsPublic = metricsPublic;
  }

  /** Every request is allowed. */
  public static Access open() {
    return new Access(null, true);
  }

  /** Requests need {@code token}; {@code /metrics} too unless {@code metricsPublic}. */
  public static Access token(String token, boolean metricsPublic) {
    return new Access(sha256(token), metricsPublic);
  }

  /** Whether a token is required at all. */
  public boolean requiresToken() {
    return digest != null;
  }

  /** Whether a request for {@code path} with these headers may be answered. */
  boolean allows(String path, Headers headers) {
    if (digest == null || (metricsPublic && path.equals("/metrics"))) {
      return true;
    }
    String presented = presented(headers.getFirst("Authorization"));
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  private static @Nullable String presented(@Nullable String authorization) {
    if (authorization == null) {
      return null;
    }
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
    String value = authorization.substring(space + 1).strip();
    return switch (scheme) {
      case "bearer" -> value;
      case "basic" -> basicPassword(value);
      default -> null;
    };
  }

  private static @Nullable String basicPassword(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0 ? null : pair.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
