package dev.preflight.probe;

/** DNS lookups. */
final class DnsProbe implements Probe {
  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context) {
    throw new UnsupportedOperationException();
  }

  static DomainControllers.Discovery discover(ProbeTarget target, ProbeContext context) {
    throw new UnsupportedOperationException();
  }
}
