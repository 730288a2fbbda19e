package dev.preflight.export;

import dev.preflight.common.HostPort;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A proxy auto-config file whose {@code FindProxyForURL} returns {@code DIRECT} for every host on
 * the allowlist and the given proxy (or {@code DIRECT} when none is given) for everything else.
 *
 * <p>An exact host matches only itself. A wildcard {@code *.example.com} matches every subdomain
 * through {@code dnsDomainIs(host, ".example.com")} and, as in the catalog, not {@code example.com}
 * itself. Host names are compared in lower case without a trailing dot. PAC cannot say which ports
 * a host needs, so every port of a listed host goes DIRECT; the header comment lists the ports the
 * firewall must open.
 */
final class PacRenderer implements AllowlistRenderer {
  private final @Nullable HostPort proxy;

  PacRenderer(@Nullable HostPort proxy) {
    this.proxy = proxy;
  }

  /** The lookup; the lists above it are the data, so the logic reads the same in every export. */
  private static final String FIND_PROXY =
      """
      function FindProxyForURL(url, host) {
        var name = host.toLowerCase();
        if (name.charAt(name.length - 1) == ".") {
          name = name.substring(0, name.length - 1);
        }
        for (var i = 0; i < PREFLIGHT_DIRECT_HOSTS.length; i++) {
          if (name == PREFLIGHT_DIRECT_HOSTS[i]) {
            return "DIRECT";
          }
        }
        for (var j = 0; j < PREFLIGHT_DIRECT_DOMAINS.length; j++) {
          if (dnsDomainIs(name, PREFLIGHT_DIRECT_DOMAINS[j])) {
            return "DIRECT";
          }
        }
      """;

  @Override
  public void render(Allowlist allowlist, Writer out) throws IOException {
    out.write("// Windows Autopilot allowlist written by preflight export (");
    out.write(allowlist.selectionLabel() + ").\n");
    out.write("// Listed hosts go DIRECT; everything else goes to " + fallback() + ".\n");
    out.write("// The firewall must let these hosts through directly on the ports noted.\n");
    RenderSupport.writeExcluded(out, allowlist, "// ");
    out.write("\nvar PREFLIGHT_DIRECT_HOSTS = [\n");
    writeItems(out, allowlist.entries().stream().filter(e -> !e.wildcard()).toList(), false);
    out.write(
        "];\n\n// Each wildcard *.example.com is written as .example.com: subdomains only.\n");
    out.write("var PREFLIGHT_DIRECT_DOMAINS = [\n");
    writeItems(out, allowlist.entries().stream().filter(AllowlistEntry::wildcard).toList(), true);
    out.write("];\n\n");
    out.write(FIND_PROXY);
    out.write("  return \"" + fallback() + "\";\n}\n");
    out.flush();
  }

  private String fallback() {
    return proxy == null ? "DIRECT" : "PROXY " + proxy;
  }

  private static void writeItems(Writer out, List<AllowlistEntry> entries, boolean wildcard)
      throws IOException {
    for (int i = 0; i < entries.size(); i++) {
      AllowlistEntry entry = entries.get(i);
      String item = RenderSupport.jsString(wildcard ? "." + entry.domain() : entry.pattern());
      String comma = i + 1 < entries.size() ? "," : "";
      out.write("  " + item + comma + " // " + RenderSupport.portLabel(entry) + "\n");
    }
  }
}
