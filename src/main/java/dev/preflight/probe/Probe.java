package dev.preflight.probe;

/**
 * Probes one endpoint over one protocol.
 *
 * <p>It never throws for network trouble: every DNS, connect, TLS, HTTP or timeout failure comes
 * back inside the result. Exceptions are for programmer error only. Every blocking call is bounded
 * by the context's deadline.
 */
public interface Probe {
  ProbeResult run(ProbeTarget target, ProbeContext context);
}
