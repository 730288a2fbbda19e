package dev.preflight.catalog;

import java.io.IOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes services and entries as a catalog file that {@code --catalog} accepts. Every string is a
 * double-quoted YAML scalar, so no host, note or id can change meaning as a YAML keyword; fields
 * that equal the loader's defaults (all scenarios, no TPM) are omitted. Root CAs are not written:
 * the format names root <em>sets</em>, which an {@link Endpoint} no longer knows, so written
 * entries accept any public root. Output is deterministic and uses {@code \n} line ends.
 */
public final class CatalogYamlWriter {
  private CatalogYamlWriter() {}

  /** Writes {@code header} as comment lines, then the services and the entries in order. */
  public static void write(
      List<String> header, List<Service> services, List<Endpoint> endpoints, Writer out)
      throws IOException {
    for (String line : header) {
      out.write(("# " + line).strip() + "\n");
    }
    // The loader reads an empty section as an error, and every section is optional: skip it.
    if (!services.isEmpty()) {
      out.write("services:\n");
    }
    for (Service service : services) {
      out.write("  - id: " + quote(service.id()) + "\n");
      out.write("    name: " + quote(service.name()) + "\n");
      out.write("    consequence: " + quote(service.consequence()) + "\n");
    }
    if (!endpoints.isEmpty()) {
      out.write("endpoints:\n");
    }
    for (Endpoint endpoint : endpoints) {
      writeEndpoint(endpoint, out);
    }
    out.flush();
  }

  private static void writeEndpoint(Endpoint e, Writer out) throws IOException {
    out.write("  - id: " + quote(e.id()) + "\n");
    field(out, "service", e.service());
    field(out, "host", e.host());
    if (e.wildcard() != null) {
      field(out, "wildcard", e.wildcard());
    }
    field(out, "protocol", e.protocol().id());
    String ports = e.ports().stream().map(String::valueOf).collect(Collectors.joining(", "));
    out.write("    ports: [" + ports + "]\n");
    if (e.path() != null) {
      field(out, "path", e.path());
    }
    field(out, "impact", e.impact().name());
    writeSelection(e, out);
    out.write("    inspectionUnsupported: " + e.inspectionUnsupported() + "\n");
    writeExpect(e.expect(), out);
    out.write(
        "    source: {page: "
            + quote(e.source().page())
            + ", date: "
            + quote(e.source().date())
            + "}\n");
    if (e.note() != null) {
      field(out, "note", e.note());
    }
    if (e.standIn()) {
      out.write("    standIn: true\n");
    }
  }

  private static void writeExpect(Expectation expect, Writer out) throws IOException {
    List<String> fields = new java.util.ArrayList<>();
    if (expect.httpStatus() != null) {
      fields.add("httpStatus: " + expect.httpStatus());
    }
    if (expect.body() != null) {
      fields.add("body: " + quote(expect.body()));
    }
    if (expect.address() != null) {
      fields.add("address: " + quote(expect.address()));
    }
    if (expect.zone()) {
      fields.add("zone: true");
    }
    if (!fields.isEmpty()) {
      out.write("    expect: {" + String.join(", ", fields) + "}\n");
    }
  }

  /** Scenarios and TPM kinds, left out where they equal the loader's defaults. */
  private static void writeSelection(Endpoint e, Writer out) throws IOException {
    if (!e.scenarios().equals(EnumSet.allOf(Scenario.class))) {
      out.write("    scenarios: " + list(e.scenarios().stream().map(Scenario::id).sorted()) + "\n");
    }
    if (!e.tpms().isEmpty()) {
      out.write("    tpm: " + list(e.tpms().stream().map(Tpm::id).sorted()) + "\n");
    }
  }

  private static void field(Writer out, String name, String value) throws IOException {
    out.write("    " + name + ": " + quote(value) + "\n");
  }

  private static String list(java.util.stream.Stream<String> values) {
    return values.map(CatalogYamlWriter::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * A YAML double-quoted scalar. Escapes the quote, the backslash and every character YAML does not
   * allow raw or reads as a line break (C0/C1 controls, DEL, U+2028, U+2029, U+FEFF).
   */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20
          || (c >= 0x7f && c <= 0x9f)
          || c == 0x2028
          || c == 0x2029
          || c == 0xfeff
          || Character.isSurrogate(c) && !validPair(text, i)) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static boolean validPair(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
