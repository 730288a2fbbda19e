package dev.preflight.probe;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.Connection;

/**
 * Opens one TCP connection to the entry's first port and closes it: RESOLVE then CONNECT. For LDAP
 * and Kerberos entries the peer is a domain controller, so a failed connect is {@link
 * Cause#DC_UNREACHABLE}. TCP probes always go direct: a web proxy does not carry raw TCP.
 */
final class TcpProbe implements Probe {
  private final Peer peer;

  TcpProbe(Peer peer) {
    this.peer = peer;
  }

  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context, Deadline deadline) {
    ProbeRun run = new ProbeRun(target, context, deadline);
    Endpoint endpoint = target.endpoint();
    try (Connection connection = Dialer.direct(run, endpoint.host(), endpoint.port(), peer)) {
      run.fact(Fact.DETAIL, "TCP connection to " + describe(connection) + " accepted");
      return run.passed();
    } catch (ProbeAbort abort) {
      return run.failed(abort.failure());
    }
  }

  private static String describe(Connection connection) {
    return connection.address() + " port " + connection.port();
  }
}
