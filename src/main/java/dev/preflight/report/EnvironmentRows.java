package dev.preflight.report;

import dev.preflight.catalog.Scenario;
import dev.preflight.common.Display;
import dev.preflight.verdict.DomainChoice;
import dev.preflight.verdict.Durations;
import dev.preflight.verdict.Environment;
import dev.preflight.verdict.ProxySourceSummary;
import dev.preflight.verdict.Report;
import dev.preflight.verdict.TenantSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The environment block of the human formats as label and value rows: one wording for text,
 * Markdown and HTML. Values that came from outside (host names, proxy settings, DNS servers) pass
 * {@link Display}; each renderer escapes for its own syntax on top.
 */
final class EnvironmentRows {
  /** One line of the block: {@code Proxy} and {@code http://proxy.corp:3128 (from --proxy)}. */
  record Row(String label, String value) {}

  private EnvironmentRows() {}

  static List<Row> of(Report report) {
    Environment env = report.environment();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Tool", "preflight " + Display.line(report.toolVersion())));
    rows.add(new Row("Machine", machine(env)));
    if (report.mode() == Report.Mode.CHECK) {
      rows.add(new Row("DNS servers", dns(env)));
      rows.add(new Row("Proxy", proxy(env)));
      ProxySourceSummary discovery = env.proxyDiscovery();
      if (discovery != null) {
        rows.add(
            new Row(
                "Routes",
                Display.line(discovery.source() + ", " + discovery.found())
                    + "; "
                    + Display.line(discovery.routesSentence())));
      }
      rows.add(new Row("Clock", clock(env)));
      if (env.tenant() != null) {
        rows.add(new Row("Tenant", tenant(env.tenant())));
      }
      if (env.domain() != null) {
        DomainChoice domain = env.domain();
        rows.add(
            new Row(
                "Domain",
                Display.line(domain.name()) + " (" + Display.line(domain.source()) + ")"));
      }
    } else {
      rows.add(new Row("Traffic", "none: the configuration was evaluated offline"));
    }
    rows.add(
        new Row(
            "Catalog",
            env.catalogDate() == null
                ? "unknown"
                : "sources dated up to " + Display.line(env.catalogDate())));
    rows.add(
        new Row(
            "Scenarios",
            report.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", "))));
    return rows;
  }

  /** The widest label, for aligned plain text. */
  static int labelWidth(List<Row> rows) {
    return rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
  }

  private static String machine(Environment env) {
    List<String> parts = new ArrayList<>();
    parts.add(env.machine() == null ? "name unknown" : Display.line(env.machine()));
    if (!env.addresses().isEmpty()) {
      parts.add(
          "addresses "
              + env.addresses().stream().map(Display::line).collect(Collectors.joining(", ")));
    }
    if (env.defaultInterface() != null) {
      parts.add("default route via " + Display.line(env.defaultInterface()));
    } else if (!env.addresses().isEmpty()) {
      parts.add("no default route");
    }
    return String.join("; ", parts);
  }

  private static String tenant(TenantSummary tenant) {
    List<String> parts = new ArrayList<>();
    if (tenant.namespaceType() != null) {
      parts.add(tenant.namespaceType().toLowerCase(Locale.ROOT));
    }
    if (tenant.cloudInstance() != null) {
      parts.add("cloud " + tenant.cloudInstance());
    }
    if (tenant.region() != null) {
      parts.add("region " + tenant.region());
    }
    tenant.discoveredHosts().forEach(h -> parts.add(h.host() + " from " + h.discoveredBy()));
    String text = tenant.name() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    return Display.line(text, Display.MAX * 4);
  }

  private static String dns(Environment env) {
    String servers =
        env.dnsServers().isEmpty()
            ? "unknown"
            : env.dnsServers().stream().map(Display::line).collect(Collectors.joining(", "));
    return servers + from(env.dnsSource());
  }

  private static String proxy(Environment env) {
    String proxy = env.proxy() == null ? "none, direct" : Display.line(env.proxy());
    return proxy + from(env.proxySource());
  }

  private static String clock(Environment env) {
    Long offset = env.clockOffsetMs();
    if (offset == null) {
      return "not measured";
    }
    return Durations.aheadOrBehind(offset) + " the reference time" + from(env.clockSource());
  }

  private static String from(@Nullable String source) {
    return source == null ? "" : " (" + Display.line(source) + ")";
  }
}
