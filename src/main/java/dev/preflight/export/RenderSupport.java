package dev.preflight.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Comment and quoting helpers shared by the PAC and squid renderers. */
final class RenderSupport {
  private RenderSupport() {}

  /** The ports of an entry as a comment says them: {@code tcp 80, 443; udp 123}. */
  static String portLabel(AllowlistEntry entry) {
    List<String> parts = new ArrayList<>();
    if (!entry.tcpPorts().isEmpty()) {
      parts.add("tcp " + join(entry.tcpPorts()));
    }
    if (!entry.udpPorts().isEmpty()) {
      parts.add("udp " + join(entry.udpPorts()));
    }
    return String.join("; ", parts);
  }

  static String join(List<Integer> ports) {
    return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** Comment lines naming the selected entries left off the allowlist, and why. */
  static void writeExcluded(Writer out, Allowlist allowlist, String prefix) throws IOException {
    if (allowlist.excluded().isEmpty()) {
      return;
    }
    out.write(prefix + "Catalog entries left out, not internet destinations:\n");
    for (ExcludedEntry entry : allowlist.excluded()) {
      out.write(prefix + "  " + entry.id() + " (" + entry.pattern() + "): " + entry.reason());
      out.write('\n');
    }
  }

  /** A JavaScript string literal for {@code text}. */
  static String jsString(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
