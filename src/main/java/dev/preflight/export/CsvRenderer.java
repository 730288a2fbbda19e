package dev.preflight.export;

import dev.preflight.common.Csv;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV with a header row: pattern, kind (host or wildcard), TCP ports, UDP ports (each a
 * space-separated list), impact, whether TLS inspection is unsupported, services and catalog
 * entries (each a space-separated list). Excluded entries are not rows: the JSON format lists them.
 */
final class CsvRenderer implements AllowlistRenderer {
  static final String HEADER =
      "pattern,kind,tcp_ports,udp_ports,impact,inspection_unsupported,services,entries";

  @Override
  public void render(Allowlist allowlist, Writer out) throws IOException {
    out.write(HEADER + "\r\n");
    for (AllowlistEntry entry : allowlist.entries()) {
      List<String> fields =
          List.of(
              entry.pattern(),
              entry.wildcard() ? "wildcard" : "host",
              join(entry.tcpPorts()),
              join(entry.udpPorts()),
              entry.impact().name(),
              Boolean.toString(entry.inspectionUnsupported()),
              String.join(" ", entry.services()),
              String.join(" ", entry.entryIds()));
      Csv.row(out, fields);
    }
    out.flush();
  }

  private static String join(List<Integer> ports) {
    return ports.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }
}
