package dev.preflight.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.common.Display;
import dev.preflight.probe.HttpResponse;
import org.jspecify.annotations.Nullable;

/** Reads the JSON documents of Entra ID's discovery endpoints defensively. */
final class DiscoveryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiscoveryJson() {}

  /**
   * The answer's JSON object.
   *
   * @param what the request, for the problem's sentence
   * @throws DiscoveryProblem when the status is not 200, the body was cut at the size limit, or the
   *     body is not a JSON object
   */
  static JsonNode object(HttpResponse response, String what) throws DiscoveryProblem {
    if (response.status() != 200) {
      throw new DiscoveryProblem(what + " answered HTTP " + response.status() + " instead of 200");
    }
    if (response.truncated()) {
      throw new DiscoveryProblem(
          what
              + " answered more than "
              + response.body().length
              + " bytes, more than it ever needs");
    }
    try {
      JsonNode node = JSON.readTree(response.text());
      if (node == null || !node.isObject()) {
        throw new DiscoveryProblem(what + " answered something other than a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new DiscoveryProblem(what + " answered something that is not JSON");
    }
  }

  /** A string field, or null when absent, not a string, or blank. */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** A short peer value made safe to print: one line, clipped. */
  static String word(String value) {
    return Display.line(value, 60);
  }
}
