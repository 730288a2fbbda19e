package dev.preflight.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.catalog.Scenario;
import dev.preflight.common.Json;
import dev.preflight.verdict.DomainChoice;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.Evidence;
import dev.preflight.verdict.Finding;
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
 * null where unknown, so consumers can rely on the keys being present; the root causes come first,
 * as {@code findings}, then the context and the per-service detail.
 */
public final class JsonReportRenderer implements ReportRenderer {
  @Override
  public void render(Report report, Writer out) throws IOException {
    JsonGenerator json = Json.writer(out);
    json.writeStartObject();
    json.writeNumberField("schemaVersion", Report.SCHEMA_VERSION);
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", "preflight");
    json.writeStringField("version", report.toolVersion());
    json.writeEndObject();
    json.writeStringField("mode", report.mode().id());
    json.writeStringField("startedAt", report.startedAt().toString());
    json.writeNumberField("durationMs", report.duration().toMillis());
    Json.stringArrayField(
        json, "scenarios", report.scenarios().stream().map(Scenario::id).toList());
    json.writeStringField("verdict", report.verdict().name());
    json.writeArrayFieldStart("findings");
    for (Finding finding : report.findings()) {
      writeFinding(json, finding);
    }
    json.writeEndArray();
    writeEnvironment(json, report.environment());
    Json.stringArrayField(json, "warnings", report.warnings());
    json.writeArrayFieldStart("services");
    for (ServiceResult service : report.services()) {
      writeService(json, service);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
    out.write('\n');
  }

  private static void writeEnvironment(JsonGenerator json, Environment env) throws IOException {
    json.writeObjectFieldStart("environment");
    writeNullable(json, "proxy", env.proxy());
    Json.stringArrayField(json, "dnsServers", env.dnsServers());
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
    writeNullable(json, "proxySource", env.proxySource());
    writeNullable(json, "dnsSource", env.dnsSource());
    writeNullable(json, "clockSource", env.clockSource());
    writeNullable(json, "machine", env.machine());
    Json.stringArrayField(json, "addresses", env.addresses());
    writeNullable(json, "defaultInterface", env.defaultInterface());
    writeNullable(json, "catalogDate", env.catalogDate());
    writeProxyDiscovery(json, env.proxyDiscovery());
    json.writeEndObject();
  }

  private static void writeProxyDiscovery(JsonGenerator json, @Nullable ProxySourceSummary source)
      throws IOException {
    if (source == null) {
      json.writeNullField("proxyDiscovery");
      return;
    }
    json.writeObjectFieldStart("proxyDiscovery");
    json.writeStringField("source", source.source());
    json.writeStringField("found", source.found());
    writeNullable(json, "pac", source.pac());
    Json.stringArrayField(json, "wpadCandidates", source.wpadCandidates());
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

  private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("cause", finding.cause().name());
    json.writeStringField("status", finding.status().name());
    json.writeStringField("impact", finding.impact().name());
    json.writeStringField("summary", finding.summary());
    writeNullable(json, "remedy", finding.remedy());
    Json.stringArrayField(json, "endpoints", finding.endpointIds());
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
    Json.stringArrayField(json, "addresses", result.addresses());
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
