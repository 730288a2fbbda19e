package dev.preflight.probe;

import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.Connection;
import dev.preflight.probe.net.IpAddress;
import dev.preflight.probe.net.IpAddress.Family;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves and connects, recording the address and family used. IPv4 carries the probe when the
 * host has it. When the host also has AAAA records and this machine has an IPv6 route to it, one
 * IPv6 connect runs alongside within the same deadline; if only that one fails the result is a
 * warning ({@link ProbeFailure#warn}), because Windows falls back to IPv4 but the network is still
 * half broken. Without an IPv6 route there is no check: Windows would not use IPv6 there either;
 * for the same reason a name with only IPv6 addresses is not applicable on such a machine.
 */
final class Dialer {
  private Dialer() {}

  /** Connects to {@code host:port} directly. */
  static Connection direct(ProbeRun run, String host, int port, Peer peer) throws ProbeAbort {
    List<IpAddress> addresses = AddressLookup.resolve(run, host, peer);
    IpAddress primary = addresses.get(0);
    if (primary.family() == Family.IPV6 && !run.context().connector().routes(primary)) {
      // An IPv6-only name (NCSI's ipv6.msftconnecttest.com) on a network without IPv6: Windows
      // does not use it there either, so the endpoint is not judged rather than failed.
      throw run.notApplicable(
          host
              + " has only IPv6 addresses and this machine has no IPv6 route, so it is not"
              + " used on this network");
    }
    if (primary.family() == Family.IPV4) {
      AddressLookup.family(addresses, Family.IPV6)
          .findFirst()
          .filter(v6 -> run.context().connector().routes(v6))
          .ifPresent(v6 -> run.alsoCheck(checkIpv6(run, v6, port, peer)));
    }
    return connect(run, primary, port, peer);
  }

  /** Connects to the proxy of the target's route. */
  static Connection proxy(ProbeRun run) throws ProbeAbort {
    String host = run.target().route().host();
    int port = run.target().route().port();
    IpAddress address = AddressLookup.resolve(run, host == null ? "" : host, Peer.PROXY).get(0);
    return connect(run, address, port, Peer.PROXY);
  }

  private static Connection connect(ProbeRun run, IpAddress address, int port, Peer peer)
      throws ProbeAbort {
    String subject =
        address.family() == Family.IPV6 ? "[" + address + "]:" + port : address + ":" + port;
    if (peer != Peer.PROXY) {
      // Recorded before connecting, so a failed connect still says which address was tried.
      run.fact(Fact.ADDRESSES, address.text());
      run.fact(Fact.ADDRESS_FAMILY, address.family().toString());
    }
    Connection connection =
        run.phase(
            Phase.CONNECT,
            peer,
            subject,
            () -> run.context().connector().connect(address, port, run.deadline().remaining()));
    // The hard stop: whatever is blocked on this connection later, it ends with the deadline.
    connection.abortWhenSpent(run.deadline()::remaining);
    return connection;
  }

  private static CompletableFuture<Optional<ProbeFailure>> checkIpv6(
      ProbeRun run, IpAddress v6, int port, Peer peer) {
    CompletableFuture<Optional<ProbeFailure>> result = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("ipv6-" + v6)
        .start(() -> result.complete(tryIpv6(run, v6, port, peer)));
    return result;
  }

  private static Optional<ProbeFailure> tryIpv6(ProbeRun run, IpAddress v6, int port, Peer peer) {
    String subject = "[" + v6 + "]:" + port;
    Duration started = run.deadline().spent();
    try {
      run.context().connector().connect(v6, port, run.deadline().remaining()).close();
      return Optional.empty();
    } catch (IOException e) {
      Duration waited = run.deadline().spent().minus(started);
      ProbeFailure failure =
          FailureClassifier.classify(
              Phase.CONNECT, peer, subject, e, FailureClassifier.Waited.of(run.deadline(), waited));
      return Optional.of(
          ProbeFailure.warn(
              failure.cause(),
              Phase.CONNECT,
              "IPv4 works but IPv6 does not: " + failure.message()));
    }
  }
}
