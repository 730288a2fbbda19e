package dev.preflight.probe;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.FailureClassifier.Peer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The probe for each catalog protocol. Probes are stateless and thread-safe: one instance serves
 * every concurrent run.
 *
 * <ul>
 *   <li>{@code https}, {@code http}: one HTTP/1.1 request (through CONNECT and TLS as needed)
 *   <li>{@code tcp}: a TCP connect
 *   <li>{@code ldap}, {@code kerberos}: a TCP connect to a domain controller ({@link
 *       Cause#DC_UNREACHABLE} when it fails)
 *   <li>{@code dns}: A/AAAA lookup, zone (SOA) check, or SRV lookup for names starting with {@code
 *       _}
 *   <li>{@code ntp}: one SNTP exchange
 * </ul>
 */
public final class Probes {
  private static final Map<Protocol, Probe> PROBES = new EnumMap<>(Protocol.class);

  static {
    PROBES.put(Protocol.HTTPS, new HttpProbe(true));
    PROBES.put(Protocol.HTTP, new HttpProbe(false));
    PROBES.put(Protocol.TCP, new TcpProbe(Peer.ORIGIN));
    PROBES.put(Protocol.LDAP, new TcpProbe(Peer.DOMAIN_CONTROLLER));
    PROBES.put(Protocol.KERBEROS, new TcpProbe(Peer.DOMAIN_CONTROLLER));
    PROBES.put(Protocol.DNS, new DnsProbe());
    PROBES.put(Protocol.NTP, new NtpProbe());
  }

  private Probes() {}

  /** The probe for {@code protocol}; every protocol has one. */
  public static Probe forProtocol(Protocol protocol) {
    Probe probe = PROBES.get(protocol);
    if (probe == null) {
      throw new IllegalArgumentException("no probe for " + protocol);
    }
    return probe;
  }

  /** Runs the probe for the target's probe protocol (DNS for a zone-level check). */
  public static ProbeResult run(ProbeTarget target, ProbeContext context, Deadline deadline) {
    return forProtocol(target.endpoint().probeProtocol()).run(target, context, deadline);
  }

  /** Runs the probe for the target's probe protocol with a deadline starting now. */
  public static ProbeResult run(ProbeTarget target, ProbeContext context) {
    return forProtocol(target.endpoint().probeProtocol()).run(target, context);
  }
}
