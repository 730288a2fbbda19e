package dev.preflight.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.catalog.Scenario;
import dev.preflight.common.Json;
import java.io.IOException;
import java.io.Writer;

/**
 * A JSON object with the selection ({@code scenarios}, {@code tpm}), the allowlist {@code entries}
 * (pattern, wildcard flag, TCP and UDP ports, impact, inspection flag, services, catalog entry ids)
 * and the {@code excluded} entries with the reason each is left out. Every key is always present.
 */
final class JsonRenderer implements AllowlistRenderer {
  @Override
  public void render(Allowlist allowlist, Writer out) throws IOException {
    JsonGenerator json = Json.writer(out);
    json.writeStartObject();
    json.writeNumberField("schemaVersion", 1);
    Json.stringArrayField(
        json, "scenarios", allowlist.scenarios().stream().map(Scenario::id).toList());
    json.writeStringField("tpm", allowlist.tpm().id());
    json.writeArrayFieldStart("entries");
    for (AllowlistEntry entry : allowlist.entries()) {
      writeEntry(json, entry);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("excluded");
    for (ExcludedEntry entry : allowlist.excluded()) {
      json.writeStartObject();
      json.writeStringField("id", entry.id());
      json.writeStringField("pattern", entry.pattern());
      json.writeStringField("reason", entry.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
    out.write('\n');
    out.flush();
  }

  private static void writeEntry(JsonGenerator json, AllowlistEntry entry) throws IOException {
    json.writeStartObject();
    json.writeStringField("pattern", entry.pattern());
    json.writeBooleanField("wildcard", entry.wildcard());
    Json.numberArrayField(json, "tcpPorts", entry.tcpPorts());
    Json.numberArrayField(json, "udpPorts", entry.udpPorts());
    json.writeStringField("impact", entry.impact().name());
    json.writeBooleanField("inspectionUnsupported", entry.inspectionUnsupported());
    Json.stringArrayField(json, "services", entry.services());
    Json.stringArrayField(json, "entries", entry.entryIds());
    json.writeEndObject();
  }
}
