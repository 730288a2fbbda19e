package dev.preflight.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Service;
import dev.preflight.catalog.Tpm;
import dev.preflight.common.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Catalog listings as JSON: {@code {schemaVersion, scenarios, tpm, services, endpoints}} for a
 * list, {@code {schemaVersion, service, endpoint}} for one entry. Field names follow the catalog
 * YAML; absent optional values are written as null so every object has the same keys.
 */
final class CatalogJson {
  private CatalogJson() {}

  static void list(CatalogView view, Writer out) throws IOException {
    try (JsonGenerator json = Json.writer(out)) {
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 1);
      json.writeArrayFieldStart("scenarios");
      for (Scenario s : view.scenarios()) {
        json.writeString(s.id());
      }
      json.writeEndArray();
      json.writeStringField("tpm", view.tpm().id());
      json.writeArrayFieldStart("services");
      for (Service service : view.services()) {
        service(json, service);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("endpoints");
      for (Endpoint e : view.endpoints()) {
        endpoint(json, e);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write("\n");
  }

  static void show(CatalogView view, Endpoint e, Writer out) throws IOException {
    try (JsonGenerator json = Json.writer(out)) {
      json.writeStartObject();
      json.writeNumberField("schemaVersion", 1);
      json.writeFieldName("service");
      service(json, view.serviceOf(e));
      json.writeFieldName("endpoint");
      endpoint(json, e);
      json.writeEndObject();
    }
    out.write("\n");
  }

  private static void service(JsonGenerator json, Service service) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", service.id());
    json.writeStringField("name", service.name());
    json.writeStringField("consequence", service.consequence());
    json.writeEndObject();
  }

  private static void endpoint(JsonGenerator json, Endpoint e) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", e.id());
    json.writeStringField("service", e.service());
    json.writeStringField("host", e.host());
    Json.stringOrNullField(json, "wildcard", e.wildcard());
    json.writeStringField("pattern", e.pattern());
    json.writeStringField("hostRole", e.hostRole().name());
    json.writeStringField("target", e.target());
    json.writeStringField("protocol", e.protocol().id());
    json.writeStringField("probeProtocol", e.probeProtocol().id());
    json.writeArrayFieldStart("ports");
    for (int port : e.ports()) {
      json.writeNumber(port);
    }
    json.writeEndArray();
    Json.stringOrNullField(json, "path", e.path());
    json.writeStringField("impact", e.impact().name());
    Json.stringArrayField(
        json,
        "scenarios",
        Arrays.stream(Scenario.values())
            .filter(e.scenarios()::contains)
            .map(Scenario::id)
            .toList());
    Json.stringArrayField(
        json, "tpm", Arrays.stream(Tpm.values()).filter(e.tpms()::contains).map(Tpm::id).toList());
    json.writeBooleanField("inspectionUnsupported", e.inspectionUnsupported());
    json.writeBooleanField("allowlisted", e.allowlisted());
    Json.stringArrayField(json, "roots", e.roots());
    expect(json, e.expect());
    json.writeObjectFieldStart("source");
    json.writeStringField("page", e.source().page());
    json.writeStringField("date", e.source().date());
    json.writeEndObject();
    Json.stringOrNullField(json, "note", e.note());
    json.writeEndObject();
  }

  private static void expect(JsonGenerator json, Expectation x) throws IOException {
    json.writeObjectFieldStart("expect");
    if (x.httpStatus() == null) {
      json.writeNullField("httpStatus");
    } else {
      json.writeNumberField("httpStatus", x.httpStatus());
    }
    Json.stringOrNullField(json, "body", x.body());
    Json.stringOrNullField(json, "address", x.address());
    json.writeBooleanField("zone", x.zone());
    json.writeEndObject();
  }
}
