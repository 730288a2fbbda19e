package dev.preflight.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The token gate: Bearer or Basic with the right token passes, anything else does not. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AccessTest {
  private static final String TOKEN = "s3cret-token-0123456789";
  private final Access access = Access.token(TOKEN, false);

  @Test
  void theRightTokenPassesAsBearerOrBasicPassword() {
    assertThat(access.allows("/", headers("Bearer " + TOKEN))).isTrue();
    assertThat(access.allows("/", headers("bearer " + TOKEN))).isTrue();
    assertThat(access.allows("/api/history", headers(basic("admin:" + TOKEN)))).isTrue();
  }

  @Test
  void aMissingWrongOrMalformedTokenIsRefused() {
    assertThat(access.allows("/", new Headers())).isFalse();
    assertThat(access.allows("/", headers("Bearer " + TOKEN + "x"))).isFalse();
    assertThat(access.allows("/", headers("Bearer " + TOKEN.substring(1)))).isFalse();
    assertThat(access.allows("/", headers("Bearer"))).isFalse();
    assertThat(access.allows("/", headers(basic(TOKEN)))).isFalse();
    assertThat(access.allows("/", headers("Basic !!not-base64!!"))).isFalse();
    assertThat(access.allows("/", headers("Token " + TOKEN))).isFalse();
  }

  @Test
  void metricsArePublicOnlyWhenAsked() {
    assertThat(access.allows("/metrics", new Headers())).isFalse();
    Access publicMetrics = Access.token(TOKEN, true);
    assertThat(publicMetrics.allows("/metrics", new Headers())).isTrue();
    assertThat(publicMetrics.allows("/probe", new Headers())).isFalse();
  }

  @Test
  void withoutATokenEverythingIsOpen() {
    assertThat(Access.open().requiresToken()).isFalse();
    assertThat(Access.open().allows("/", new Headers())).isTrue();
    assertThat(access.requiresToken()).isTrue();
  }

  private static Headers headers(String authorization) {
    Headers headers = new Headers();
    headers.set("Authorization", authorization);
    return headers;
  }

  private static String basic(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
