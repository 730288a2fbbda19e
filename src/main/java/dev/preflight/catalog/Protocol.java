package dev.preflight.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How preflight probes an endpoint, spelled as in the JSON report. */
public enum Protocol {
  HTTPS("https", Transport.TCP),
  HTTP("http", Transport.TCP),
  TCP("tcp", Transport.TCP),
  NTP("ntp", Transport.UDP),
  DNS("dns", Transport.UDP),
  LDAP("ldap", Transport.TCP),
  KERBEROS("kerberos", Transport.TCP);

  /** The IP transport a firewall rule for this protocol names. */
  public enum Transport {
    TCP,
    UDP
  }

  private final String id;
  private final Transport transport;

  Protocol(String id, Transport transport) {
    this.id = id;
    this.transport = transport;
  }

  public String id() {
    return id;
  }

  public Transport transport() {
    return transport;
  }

  public static Optional<Protocol> parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
