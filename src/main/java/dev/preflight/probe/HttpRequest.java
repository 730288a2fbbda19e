package dev.preflight.probe;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an HTTP exchange sends beyond the target's URL: the method, extra header fields, a body, and
 * the most response body bytes to keep. The request line, {@code Host}, {@code User-Agent}, {@code
 * Connection: close} and {@code Content-Length} are written by the exchange itself; credentials are
 * never among the headers a caller may add (a device in OOBE has none).
 *
 * @param method an HTTP method token ({@code GET}, {@code POST})
 * @param headers extra header fields by name, in order
 * @param body the request body; empty for none
 * @param maxBody the most response body bytes read; a longer body is cut there and marked truncated
 */
public record HttpRequest(String method, Map<String, String> headers, byte[] body, int maxBody) {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");

  /** A plain GET, reading no body: what a reachability probe sends. */
  public static final HttpRequest PROBE = new HttpRequest("GET", Map.of(), new byte[0], 0);

  public HttpRequest {
    Objects.requireNonNull(method, "method");
    if (!TOKEN.matcher(method).matches()) {
      throw new IllegalArgumentException("not an HTTP method: " + method);
    }
    headers.forEach(HttpRequest::checkField);
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body.clone();
    if (maxBody < 0) {
      throw new IllegalArgumentException("maxBody must not be negative: " + maxBody);
    }
  }

  /** A GET whose response body is read, up to {@code maxBody} bytes. */
  public static HttpRequest get(int maxBody, Map<String, String> headers) {
    return new HttpRequest("GET", headers, new byte[0], maxBody);
  }

  /** A POST of {@code body} as {@code contentType}, reading up to {@code maxBody} bytes back. */
  public static HttpRequest post(String contentType, String body, int maxBody) {
    return new HttpRequest(
        "POST",
        Map.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8),
        maxBody);
  }

  /** True when the response body is read at all. */
  boolean readsBody() {
    return maxBody > 0;
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  private static void checkField(String name, String value) {
    if (!TOKEN.matcher(name).matches() || !VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a valid header field: " + name);
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("host")
        || lower.equals("content-length")
        || lower.equals("connection")
        || lower.contains("authorization")) {
      throw new IllegalArgumentException(name + " is written by the exchange, not the caller");
    }
  }
}
