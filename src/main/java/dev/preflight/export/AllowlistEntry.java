package dev.preflight.export;

import dev.preflight.catalog.Impact;
import java.util.List;
import java.util.Objects;

/**
 * One line of the allowlist: a host or a {@code *.domain} wildcard with the ports a firewall must
 * open for it. Several catalog entries with the same pattern share one line.
 *
 * @param pattern a lower-case host name or a wildcard of the form {@code *.domain}
 * @param tcpPorts the TCP ports, ascending, without duplicates
 * @param udpPorts the UDP ports, ascending, without duplicates
 * @param impact BLOCKING when any catalog entry behind this line is blocking
 * @param inspectionUnsupported true when TLS inspection breaks the service behind this line
 * @param services the catalog service ids behind this line, sorted
 * @param entryIds the catalog entry ids behind this line, sorted
 */
public record AllowlistEntry(
    String pattern,
    List<Integer> tcpPorts,
    List<Integer> udpPorts,
    Impact impact,
    boolean inspectionUnsupported,
    List<String> services,
    List<String> entryIds) {

  public AllowlistEntry {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(impact, "impact");
    tcpPorts = List.copyOf(tcpPorts);
    udpPorts = List.copyOf(udpPorts);
    services = List.copyOf(services);
    entryIds = List.copyOf(entryIds);
  }

  /** True for a {@code *.domain} pattern, which matches every subdomain but not the domain. */
  public boolean wildcard() {
    return pattern.startsWith("*.");
  }

  /** The host, or for a wildcard the domain below which it matches. */
  public String domain() {
    return wildcard() ? pattern.substring(2) : pattern;
  }

  /** True when {@code host} (a host or wildcard pattern) lies strictly below this wildcard. */
  public boolean covers(String otherPattern) {
    if (!wildcard()) {
      return false;
    }
    String other = otherPattern.startsWith("*.") ? otherPattern.substring(2) : otherPattern;
    return other.endsWith("." + domain());
  }
}
