package dev.preflight.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.verdict.DomainChoice;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.Evidence;
import dev.preflight.verdict.ProxySourceSummary;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.ServiceResult;
import dev.preflight.verdict.TenantSummary;
import dev.preflight.verdict.Timings;
import dev.preflight.verdict.TlsFacts;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * The contract's JSON report ({@code schemaVersion} 1). Every field of the contract is written,
 * null where unknown, so consumers can rely on the keys being present.
 */
public final class JsonReportRenderer implements ReportRenderer {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public void render(Report report, Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
    json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    json.writeStartObject();
    json.writeNumberField("schemaVersion", Report.SCHEMA_VERSION);
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", "preflight");
    json.writeStringField("version", report.toolVersion());
    json.writeEndObject();
    json.writeStringField("mode", report.mode().id());
    json.writeStringField("startedAt", report.startedAt().toString());
    json.writeNumberField("durationMs", report.duration().toMillis());
    json.writeArrayFieldStart("scenarios");
    for (var scenario : report.scenarios()) {
      json.writeString(scenario.id());
    }
    json.writeEndArray();
    json.writeStringField("verdict", report.verdict().name());
    writeEnvironment(json, report.environment());
    json.writeArrayFieldStart("warnings");
    for (String warning : report.warnings()) {
      json.writeString(warning);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("services");
    for (ServiceResult service : report.services()) {
      writeService(json, service);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
    out.write(System.lineSeparator());
  }

  private static void writeEnvironment(JsonGenerator json, Environment env) throws IOException {
    json.writeObjectFieldStart("environment");
    writeNullable(json, "proxy", env.proxy());
    json.writeArrayFieldStart("dnsServers");
    for (String server : env.dnsServers()) {
      json.writeString(server);
    }
    json.writeEndArray();
    writeNullable(json, "clockOffsetMs", env.clockOffsetMs());
    writeTenant(json, env.tenant());
    DomainChoice domain = env.domain();
    if (domain == null) {
      json.writeNullField("domain");
    } else {
      json.writeObjectFieldStart("domain");
      json.writeStringField("name", domain.name());
      json.writeStringField("source", domain.source());
      json.writeEndObject();
    }
    writeProxySource(json, env.proxySource());
    json.writeEndObject();
  }

  private static void writeProxySource(JsonGenerator json, @Nullable ProxySourceSummary source)
      throws IOException {
    if (source == null) {
      json.writeNullField("proxySource");
      return;
    }
    json.writeObjectFieldStart("proxySource");
    json.writeStringField("source", source.source());
    json.writeStringField("found", source.found());
    writeNullable(json, "pac", source.pac());
    json.writeArrayFieldStart("wpadCandidates");
    for (String url : source.wpadCandidates()) {
      json.writeString(url);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("routes");
    for (ProxySourceSummary.RouteCount count : source.routes()) {
      json.writeStartObject();
      json.writeStringField("route", count.route());
      json.writeNumberField("endpoints", count.endpoints());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeTenant(JsonGenerator json, @Nullable TenantSummary tenant)
      throws IOException {
    if (tenant == null) {
      json.writeNullField("tenant");
      return;
    }
    json.writeObjectFieldStart("tenant");
    json.writeStringField("name", tenant.name());
    writeNullable(json, "tenantId", tenant.tenantId());
    writeNullable(json, "namespaceType", tenant.namespaceType());
    writeNullable(json, "cloudInstance", tenant.cloudInstance());
    writeNullable(json, "region", tenant.region());
    json.writeArrayFieldStart("discoveredHosts");
    for (TenantSummary.DiscoveredHost host : tenant.discoveredHosts()) {
      json.writeStartObject();
      json.writeStringField("host", host.host());
      json.writeStringField("discoveredBy", host.discoveredBy());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeService(JsonGenerator json, ServiceResult service) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", service.service().id());
    json.writeStringField("name", service.service().name());
    json.writeStringField("impact", service.impact().name());
    json.writeStringField("status", service.status().name());
    json.writeArrayFieldStart("endpoints");
    for (EndpointResult endpoint : service.endpoints()) {
      writeEndpoint(json, endpoint);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeEndpoint(JsonGenerator json, EndpointResult result) throws IOException {
    var entry = result.endpoint();
    json.writeStartObject();
    json.writeStringField("id", entry.id());
    json.writeStringField("target", entry.target());
    json.writeStringField("host", entry.host());
    json.writeNumberField("port", entry.port());
    json.writeStringField("protocol", entry.protocol().id());
    writeNullable(json, "wildcard", entry.wildcard());
    json.writeStringField("status", result.status().name());
    writeNullable(json, "cause", result.cause() == null ? null : result.cause().name());
    json.writeStringField("detail", result.detail());
    writeNullable(json, "remedy", result.remedy());
    writeNullable(json, "route", result.route());
    json.writeArrayFieldStart("addresses");
    for (String address : result.addresses()) {
      json.writeString(address);
    }
    json.writeEndArray();
    writeTimings(json, result.timings());
    writeTls(json, result.tls());
    writeEvidence(json, result.evidence());
    json.writeEndObject();
  }

  private static void writeTimings(JsonGenerator json, Timings t) throws IOException {
    json.writeObjectFieldStart("timings");
    writeNullable(json, "dnsMs", t.dnsMs());
    writeNullable(json, "connectMs", t.connectMs());
    writeNullable(json, "tlsMs", t.tlsMs());
    writeNullable(json, "httpMs", t.httpMs());
    writeNullable(json, "totalMs", t.totalMs());
    json.writeEndObject();
  }

  private static void writeTls(JsonGenerator json, @Nullable TlsFacts tls) throws IOException {
    if (tls == null) {
      json.writeNullField("tls");
      return;
    }
    json.writeObjectFieldStart("tls");
    writeNullable(json, "protocol", tls.protocol());
    writeNullable(json, "issuer", tls.issuer());
    writeNullable(json, "root", tls.root());
    writeNullable(json, "notAfter", tls.notAfter());
    json.writeEndObject();
  }

  private static void writeEvidence(JsonGenerator json, @Nullable Evidence evidence)
      throws IOException {
    if (evidence == null) {
      json.writeNullField("evidence");
      return;
    }
    json.writeObjectFieldStart("evidence");
    writeNullable(json, "file", evidence.file());
    json.writeNumberField("line", evidence.line());
    writeNullable(json, "rule", evidence.rule());
    json.writeEndObject();
  }

  private static void writeNullable(JsonGenerator json, String field, @Nullable Object value)
      throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else if (value instanceof Long number) {
      json.writeNumberField(field, number);
    } else {
      json.writeStringField(field, value.toString());
    }
  }
}
