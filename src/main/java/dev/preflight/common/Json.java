package dev.preflight.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON writer set-up of the tool: every report, listing, allowlist and API answer is
 * pretty-printed the same way, objects indented by two spaces with {@code \n} line ends on every
 * platform, and closing the generator never closes the writer it was given.
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** A generator writing to {@code out}; close or flush it, then the caller owns {@code out}. */
  public static JsonGenerator writer(Writer out) throws IOException {
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    JsonGenerator json = FACTORY.createGenerator(out).setPrettyPrinter(pretty);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return json;
  }

  /** Writes the field {@code name} as an array of {@code values}. */
  public static void stringArrayField(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** Writes the field {@code name} as an array of numbers. */
  public static void numberArrayField(JsonGenerator json, String name, List<Integer> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (int value : values) {
      json.writeNumber(value);
    }
    json.writeEndArray();
  }

  /** Writes the field {@code name} as {@code value}, or as JSON null when there is none. */
  public static void stringOrNullField(JsonGenerator json, String name, @Nullable String value)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, value);
    }
  }
}
