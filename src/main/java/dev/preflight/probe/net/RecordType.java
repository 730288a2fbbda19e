package dev.preflight.probe.net;

/** The DNS record types the probes ask for. */
public enum RecordType {
  A,
  AAAA,
  SOA,
  SRV,
  /** The alias a name points to (RFC 1035 section 3.3.1). */
  CNAME
}
