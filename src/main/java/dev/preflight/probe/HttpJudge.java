package dev.preflight.probe;

import dev.preflight.catalog.Expectation;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Judges an HTTP response. Any answer from the genuine origin proves reachability: Microsoft
 * services answer 403, 404, 405 or 503 on a bare path, so no particular status is demanded unless
 * the catalog says so. The rules, first match wins:
 *
 * <ol>
 *   <li>407: {@link Cause#HTTP_PROXY_AUTH_REQUIRED} (a device in OOBE has no credentials).
 *   <li>An error a proxy or filtering firewall wrote itself, read for what it says ({@link
 *       ProxyAnswer}): a refusal is {@link Cause#HTTP_BLOCKED}, a destination it could not reach or
 *       resolve {@link Cause#PROXY_UPSTREAM_FAILED} (a warning for an IPv6-only name the proxy has
 *       no route to). The caller reads it only for answers that did not come over TLS to a public
 *       root, which only the origin can have written.
 *   <li>511 Network Authentication Required (RFC 6585): {@link Cause#HTTP_CAPTIVE_PORTAL}.
 *   <li>An NCSI-style expectation with a body: any other status (a redirect above all) or body is
 *       {@link Cause#HTTP_CAPTIVE_PORTAL}.
 *   <li>An expected status without a body that is not met: {@link Cause#HTTP_UNEXPECTED_STATUS}. So
 *       is a response that is not HTTP at all (judged while reading, see {@link
 *       FailureClassifier}).
 * </ol>
 */
final class HttpJudge {
  private HttpJudge() {}

  /**
   * @param proxy what a proxy said in this response ({@link ProxyAnswer#read}), or null when no
   *     proxy wrote it or it came over TLS to a public root
   */
  static @Nullable ProbeFailure judge(
      HttpResponse response,
      ProxyAnswer.@Nullable Reading proxy,
      Expectation expect,
      String target) {
    int status = response.status();
    if (status == 407) {
      return fail(
          Cause.HTTP_PROXY_AUTH_REQUIRED,
          "a proxy demands authentication (407" + authScheme(response) + ") for " + target);
    }
    if (proxy != null) {
      return proxyFailure(proxy, status, target);
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

  private static ProbeFailure proxyFailure(ProxyAnswer.Reading proxy, int status, String target) {
    if (proxy.ipv6Only()) {
      return proxy.ipv6OnlyWarning(Phase.RESPONSE, "the proxy", target, status);
    }
    String said = status + proxy.suffix();
    return proxy.meaning() == ProxyAnswer.Meaning.REFUSED
        ? fail(Cause.HTTP_BLOCKED, "a proxy, not the origin, refused " + target + " with " + said)
        : fail(
            Cause.PROXY_UPSTREAM_FAILED,
            "the proxy could not reach " + target + ": it answered " + said);
  }

  private static @Nullable ProbeFailure ncsi(
      HttpResponse response, Expectation expect, String target) {
    int wanted = expect.httpStatus() == null ? 200 : expect.httpStatus();
    if (response.status() != wanted) {
      String location = response.header("Location").map(l -> " to " + Printable.clip(l)).orElse("");
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
              + Printable.clip(body, 60)
              + ") instead of \""
              + expect.body()
              + "\"");
    }
    return null;
  }

  private static String authScheme(HttpResponse response) {
    return response
        .header("Proxy-Authenticate")
        .map(a -> ", " + Printable.clip(a.split(" ", 2)[0], 20))
        .orElse("");
  }

  private static ProbeFailure fail(Cause cause, String message) {
    return ProbeFailure.fail(cause, Phase.RESPONSE, message);
  }
}
