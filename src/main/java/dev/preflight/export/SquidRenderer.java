package dev.preflight.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A squid configuration fragment that lets the allowlist through the proxy.
 *
 * <p>Per TCP port it defines a {@code port} acl and a {@code dstdomain} acl (see {@link
 * LeadingDotDomains} for the leading-dot rules) and one {@code http_access allow} line: port 80
 * allows plain HTTP requests, every other port allows {@code CONNECT} tunnels only. Entries where
 * TLS inspection is unsupported get an {@code ssl::server_name} acl and an {@code ssl_bump splice}
 * rule. UDP ports and excluded entries cannot be proxied and appear as comments. The fragment
 * belongs before the configuration's final {@code http_access deny all} and before its own {@code
 * ssl_bump} rules.
 */
final class SquidRenderer implements AllowlistRenderer {
  private static final int PLAIN_HTTP_PORT = 80;

  @Override
  public void render(Allowlist allowlist, Writer out) throws IOException {
    writeHeader(out, allowlist);
    out.write("acl preflight_connect method CONNECT\n");
    TreeMap<Integer, TreeSet<String>> byPort = new TreeMap<>();
    for (AllowlistEntry entry : allowlist.entries()) {
      for (int port : entry.tcpPorts()) {
        byPort.computeIfAbsent(port, p -> new TreeSet<>()).add(entry.pattern());
      }
    }
    for (var port : byPort.entrySet()) {
      writePort(out, port.getKey(), LeadingDotDomains.values(port.getValue()));
    }
    writeSplice(out, allowlist);
    writeUnproxied(out, allowlist);
    out.flush();
  }

  private static void writeHeader(Writer out, Allowlist allowlist) throws IOException {
    out.write(
        "# Windows Autopilot allowlist for squid, written by preflight export ("
            + allowlist.selectionLabel()
            + ").\n");
    out.write(
        """
        # Include it before the final "http_access deny all" (on Debian: /etc/squid/conf.d/)
        # and before your own ssl_bump rules. The rules allow every client that may use this
        # proxy; add your client acl to the http_access lines to narrow them.
        # A value with a leading dot (.example.com) matches example.com and all its subdomains:
        # the catalog wildcard *.example.com is written .example.com and so also admits
        # example.com itself. Values already covered by such a domain are left out, because squid
        # rejects an acl that lists a domain together with its subdomains.
        # The stock squid.conf denies CONNECT to ports outside SSL_ports (443) before this file.

        """);
  }

  private static void writePort(Writer out, int port, List<String> values) throws IOException {
    boolean plain = port == PLAIN_HTTP_PORT;
    out.write(
        "\n# TCP "
            + port
            + (plain ? ": plain HTTP requests.\n" : ": CONNECT tunnels (HTTPS and other TLS).\n"));
    out.write("acl preflight_port_" + port + " port " + port + "\n");
    for (String value : values) {
      out.write("acl preflight_dst_" + port + " dstdomain " + value + "\n");
    }
    out.write(
        "http_access allow "
            + (plain ? "!preflight_connect" : "preflight_connect")
            + " preflight_port_"
            + port
            + " preflight_dst_"
            + port
            + "\n");
  }

  private static void writeSplice(Writer out, Allowlist allowlist) throws IOException {
    List<String> patterns =
        allowlist.entries().stream()
            .filter(e -> e.inspectionUnsupported() && !e.tcpPorts().isEmpty())
            .map(AllowlistEntry::pattern)
            .toList();
    if (patterns.isEmpty()) {
      return;
    }
    out.write("\n# TLS inspection is not supported for these: splice (tunnel, never decrypt).\n");
    out.write("# With intercepted traffic, peek at step 1 first so the server name is known.\n");
    for (String value : LeadingDotDomains.values(patterns)) {
      out.write("acl preflight_no_inspection ssl::server_name " + value + "\n");
    }
    out.write("ssl_bump splice preflight_no_inspection\n");
  }

  private static void writeUnproxied(Writer out, Allowlist allowlist) throws IOException {
    List<AllowlistEntry> udp =
        allowlist.entries().stream().filter(e -> !e.udpPorts().isEmpty()).toList();
    if (!udp.isEmpty() || !allowlist.excluded().isEmpty()) {
      out.write("\n");
    }
    if (!udp.isEmpty()) {
      out.write("# Not proxied: UDP needs a firewall rule for these.\n");
      for (AllowlistEntry entry : udp) {
        out.write(
            "#   " + entry.pattern() + ": udp " + RenderSupport.join(entry.udpPorts()) + "\n");
      }
    }
    RenderSupport.writeExcluded(out, allowlist, "# ");
  }
}
