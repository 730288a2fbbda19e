package dev.preflight.probe;

import dev.preflight.catalog.Expectation;
import dev.preflight.common.Display;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Judges an HTTP response. Any answer from the genuine origin proves reachability: Microsoft
 * services answer 403, 404, 405 or 503 on a bare path, so no particular status is demanded unless
 * the catalog says so. The rules, first match wins:
 *
 * <ol>
 *   <li>407: {@link Cause#HTTP_PROXY_AUTH_REQUIRED} (a device in OOBE has no credentials).
 *   <li>A refusal made by a proxy or firewall: an error status carrying {@code X-Squid-Error},
 *       {@code Proxy-Agent} or a proxy product's {@code Server}, or a 403/451 carrying {@code Via}:
 *       {@link Cause#HTTP_BLOCKED}. Not applied to answers over TLS to a public root, which only
 *       the origin can have written.
 *   <li>511 Network Authentication Required (RFC 6585): {@link Cause#HTTP_CAPTIVE_PORTAL}.
 *   <li>An NCSI-style expectation with a body: any other status (a redirect above all) or body is
 *       {@link Cause#HTTP_CAPTIVE_PORTAL}.
 *   <li>An expected status without a body that is not met: {@link Cause#HTTP_UNEXPECTED_STATUS}. So
 *       is a response that is not HTTP at all (judged while reading, see {@link
 *       FailureClassifier}).
 * </ol>
 */
final class HttpJudge {
  private static final List<String> PROXY_SERVERS =
      List.of(
          "squid",
          "bluecoat",
          "proxysg",
          "zscaler",
          "fortigate",
          "netskope",
          "mcafee web gateway",
          "websense",
          "forcepoint",
          "sophos",
          "checkpoint");

  private HttpJudge() {}

  /**
   * @param authenticated true when the response came over TLS to a public root: then no proxy can
   *     have written it, and the proxy-marker rule is skipped (CDNs add {@code Via} too)
   */
  static @Nullable ProbeFailure judge(
      HttpResponse response, Expectation expect, String target, boolean authenticated) {
    int status = response.status();
    if (status == 407) {
      return fail(
          Cause.HTTP_PROXY_AUTH_REQUIRED,
          "a proxy demands authentication (407" + authScheme(response) + ") for " + target);
    }
    String proxy = authenticated ? null : proxyMarker(response);
    if (proxy != null) {
      return fail(
          Cause.HTTP_BLOCKED,
          "a proxy, not the origin, answered " + status + " for " + target + " (" + proxy + ")");
    }
    if (status == 511) {
      return fail(
          Cause.HTTP_CAPTIVE_PORTAL, "511 Network Authentication Required: a captive portal");
    }
    if (expect.body() != null) {
      return ncsi(response, expect, target);
    }
    Integer wanted = expect.httpStatus();
    if (wanted != null && wanted != status) {
      return fail(
          Cause.HTTP_UNEXPECTED_STATUS,
          target + " answered " + status + " where the service answers " + wanted);
    }
    return null;
  }

  private static @Nullable ProbeFailure ncsi(
      HttpResponse response, Expectation expect, String target) {
    int wanted = expect.httpStatus() == null ? 200 : expect.httpStatus();
    if (response.status() != wanted) {
      String location =
          response.header("Location").map(l -> " to " + Display.line(l, 200)).orElse("");
      return fail(
          Cause.HTTP_CAPTIVE_PORTAL,
          target
              + " answered "
              + response.status()
              + location
              + " instead of "
              + wanted
              + " with the connectivity-test text");
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.truncated() || !body.equals(expect.body())) {
      return fail(
          Cause.HTTP_CAPTIVE_PORTAL,
          target
              + " answered other content ("
              + Display.line(body, 60)
              + ") instead of \""
              + expect.body()
              + "\"");
    }
    return null;
  }

  /** What shows that a proxy, not the origin, wrote this refusal; or null. */
  private static @Nullable String proxyMarker(HttpResponse response) {
    int status = response.status();
    if (status < 400) {
      return null;
    }
    for (String header : List.of("X-Squid-Error", "Proxy-Agent")) {
      if (response.has(header)) {
        return header + ": " + Display.line(response.header(header).orElse(""), 80);
      }
    }
    String server = response.header("Server").orElse("").toLowerCase(Locale.ROOT);
    if (PROXY_SERVERS.stream().anyMatch(server::contains)) {
      return "Server: " + Display.line(server, 80);
    }
    if ((status == 403 || status == 451) && response.has("Via")) {
      return "Via: " + Display.line(response.header("Via").orElse(""), 80);
    }
    return null;
  }

  private static String authScheme(HttpResponse response) {
    return response
        .header("Proxy-Authenticate")
        .map(a -> ", " + Display.line(a.split(" ", 2)[0], 20))
        .orElse("");
  }

  private static ProbeFailure fail(Cause cause, String message) {
    return ProbeFailure.fail(cause, Phase.RESPONSE, message);
  }
}
