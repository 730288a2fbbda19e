package dev.preflight.probe;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response head as read off the wire, and as much of the body as was asked for. Header names are
 * case-insensitive; values and body are raw peer data: callers pass them through {@code Display}
 * before they reach a message or a report.
 *
 * @param status the status code, 100-599
 * @param headers every header value by lower-cased name, in order received
 * @param body the body bytes read (at most the read limit); empty when not read
 * @param truncated true when the body was longer than what was read
 */
public record HttpResponse(
    int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {
  public HttpResponse {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = copy;
    body = body.clone();
  }

  /** The body bytes read; a copy. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body read, decoded as UTF-8 (malformed bytes become replacement characters). */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of header {@code name}, if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean has(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }
}
