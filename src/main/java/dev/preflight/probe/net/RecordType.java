package dev.preflight.probe.net;

/** The DNS record types the probes ask for. */
public enum RecordType {
  A,
  AAAA,
  SOA,
  SRV
}
