package dev.preflight.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;

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
}
