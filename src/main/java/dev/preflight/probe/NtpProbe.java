package dev.preflight.probe;

/** SNTP exchange. */
final class NtpProbe implements Probe {
  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context) {
    throw new UnsupportedOperationException();
  }
}
