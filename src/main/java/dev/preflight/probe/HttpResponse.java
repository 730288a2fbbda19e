package dev.preflight.probe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response head as read off the wire, and as much of the body as was asked for. Header names are
 * case-insensitive; values are raw (callers clip them before reporting).
 *
 * @param status the status code, 100-599
 * @param headers every header value by lower-cased name, in order received
 * @param body the body bytes read (at most the read limit); empty when not read
 * @param truncated true when the body was longer than what was read
 */
record HttpResponse(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {
  HttpResponse {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = copy;
    body = body.clone();
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  boolean has(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }
}
