package dev.preflight.cli;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.HostRole;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Service;
import dev.preflight.catalog.Tpm;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Human-readable catalog listings: one table grouped by service, or one entry's fields. */
final class CatalogText {
  private CatalogText() {}

  static void list(CatalogView view, Writer out) throws IOException {
    out.write(
        view.endpoints().size()
            + " entries for "
            + view.scenarios().stream().map(Scenario::id).collect(Collectors.joining(", "))
            + " (TPM "
            + view.tpm().id()
            + ")\n");
    int idWidth = width(view.endpoints().stream().map(Endpoint::id).toList());
    int portWidth = width(view.endpoints().stream().map(CatalogText::ports).toList());
    for (Service service : view.services()) {
      out.write(
          "\n"
              + service.name()
              + " ["
              + service.id()
              + "]: "
              + roles(view.endpointsOf(service))
              + "\n");
      for (Endpoint e : view.endpointsOf(service)) {
        out.write(
            "  "
                + pad(e.id(), idWidth)
                + "  "
                + pad(e.impact().name(), 8)
                + "  "
                + pad(e.protocol().id(), 8)
                + "  "
                + pad(ports(e), portWidth)
                + "  "
                + e.pattern()
                + flags(e)
                + "\n");
      }
    }
  }

  static void show(CatalogView view, Endpoint e, Writer out) throws IOException {
    Service service = view.serviceOf(e);
    List<String[]> rows = new ArrayList<>();
    rows.add(row("id", e.id()));
    rows.add(row("service", service.name() + " [" + service.id() + "]"));
    rows.add(row("host", e.host()));
    rows.add(row("wildcard", e.wildcard() == null ? "-" : e.wildcard()));
    rows.add(row("host role", e.hostRole().label()));
    rows.add(row("target", e.target()));
    rows.add(
        row(
            "protocol",
            e.protocol().id() + (e.zoneCheck() ? " (probed as a DNS zone check)" : "")));
    String probed = e.zoneCheck() ? "none, DNS only" : String.valueOf(e.port());
    rows.add(row("ports", ports(e) + " (probed: " + probed + ")"));
    rows.add(row("path", e.path() == null ? "-" : e.path()));
    rows.add(row("impact", e.impact().name() + ": " + service.consequence()));
    rows.add(row("scenarios", scenarios(e)));
    rows.add(row("tpm", tpms(e)));
    rows.add(row("tls inspection", e.inspectionUnsupported() ? "not supported" : "not restricted"));
    rows.add(row("roots", e.roots().isEmpty() ? "any public root" : String.join("; ", e.roots())));
    rows.add(row("expect", expect(e.expect())));
    rows.add(row("source", e.source().toString()));
    rows.add(row("note", e.note() == null ? "-" : e.note()));
    for (String[] row : rows) {
      out.write(pad(row[0] + ":", 16) + row[1] + "\n");
    }
  }

  static String ports(Endpoint e) {
    return e.ports().stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  static String scenarios(Endpoint e) {
    return Arrays.stream(Scenario.values())
        .filter(e.scenarios()::contains)
        .map(Scenario::id)
        .collect(Collectors.joining(", "));
  }

  static String tpms(Endpoint e) {
    if (e.tpms().isEmpty()) {
      return "any";
    }
    return Arrays.stream(Tpm.values())
        .filter(e.tpms()::contains)
        .map(Tpm::id)
        .collect(Collectors.joining(", "));
  }

  private static String expect(Expectation x) {
    List<String> parts = new ArrayList<>();
    if (x.httpStatus() != null) {
      parts.add("HTTP " + x.httpStatus());
    }
    if (x.body() != null) {
      parts.add("body \"" + x.body() + "\"");
    }
    if (x.address() != null) {
      parts.add("address " + x.address());
    }
    if (x.zone()) {
      parts.add("the zone resolves");
    }
    return parts.isEmpty() ? "reachable" : String.join(", ", parts);
  }

  private static String flags(Endpoint e) {
    List<String> flags = new ArrayList<>();
    HostRole role = e.hostRole();
    if (role == HostRole.ZONE_CHECK) {
      flags.add(role.label());
    } else if (e.wildcard() != null) {
      flags.add(role.label() + " " + e.host());
    } else if (role == HostRole.STAND_IN) {
      flags.add(role.label());
    }
    if (!e.tpms().isEmpty()) {
      flags.add("tpm " + tpms(e));
    }
    if (e.inspectionUnsupported()) {
      flags.add("no TLS inspection");
    }
    return flags.isEmpty() ? "" : "  (" + String.join("; ", flags) + ")";
  }

  /** How many of the entries probe flow hosts, stand-ins and zones: "3 flow hosts, 1 stand-in". */
  static String roles(List<Endpoint> endpoints) {
    Map<HostRole, Long> counts = new EnumMap<>(HostRole.class);
    endpoints.forEach(e -> counts.merge(e.hostRole(), 1L, Long::sum));
    return counts.entrySet().stream()
        .map(c -> c.getValue() + " " + c.getKey().label() + (c.getValue() == 1 ? "" : "s"))
        .collect(Collectors.joining(", "));
  }

  private static String[] row(String name, String value) {
    return new String[] {name, value};
  }

  private static int width(List<String> values) {
    return values.stream().mapToInt(String::length).max().orElse(0);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
