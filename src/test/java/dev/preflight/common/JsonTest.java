package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JsonTest {
  @Test
  void objectsAreIndentedByTwoSpacesWithNewlines() throws IOException {
    assertThat(write(json -> json.writeStringField("a", "b"))).isEqualTo("{\n  \"a\" : \"b\"\n}");
  }

  @Test
  void arrayFieldsHoldTheirValuesInOrder() throws IOException {
    String out =
        write(
            json -> {
              Json.stringArrayField(json, "names", List.of("b", "a"));
              Json.numberArrayField(json, "ports", List.of(443, 80));
              Json.stringArrayField(json, "none", List.of());
            });

    assertThat(out.replaceAll("\\s", ""))
        .isEqualTo("{\"names\":[\"b\",\"a\"],\"ports\":[443,80],\"none\":[]}");
  }

  @Test
  void aMissingStringIsWrittenAsNull() throws IOException {
    String out =
        write(
            json -> {
              Json.stringOrNullField(json, "path", "/x");
              Json.stringOrNullField(json, "note", null);
            });

    assertThat(out.replaceAll("\\s", "")).isEqualTo("{\"path\":\"/x\",\"note\":null}");
  }

  @Test
  void closingTheGeneratorLeavesTheWriterOpen() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.writer(out)) {
      json.writeStartObject();
      json.writeEndObject();
    }
    out.write("!");

    assertThat(out.toString()).endsWith("!");
  }

  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private static String write(Fields fields) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = Json.writer(out)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    }
    return out.toString();
  }
}
