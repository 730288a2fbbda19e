package dev.preflight.probe;

/**
 * Probes one endpoint over one protocol.
 *
 * <p>It never throws for network trouble: every DNS, connect, TLS, HTTP or timeout failure comes
 * back inside the result. Exceptions are for programmer error only. Every blocking call is bounded
 * by the context's deadline.
 */
public interface Probe {
  /** Probes {@code target} within {@code deadline}, which the caller started as the probe runs. */
  ProbeResult run(ProbeTarget target, ProbeContext context, Deadline deadline);

  /** Probes {@code target} within a deadline of the context's timeout, starting now. */
  default ProbeResult run(ProbeTarget target, ProbeContext context) {
    return run(target, context, Deadline.start(context.clock(), context.timeout()));
  }
}
