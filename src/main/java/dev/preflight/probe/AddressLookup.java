package dev.preflight.probe;

import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.DnsAnswer.Rcode;
import dev.preflight.probe.net.IpAddress;
import dev.preflight.probe.net.RecordType;
import dev.preflight.probe.net.Resolver;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a host to its A and AAAA addresses in the RESOLVE phase, both questions at once, and
 * judges the answers. Addresses win over errors; otherwise NXDOMAIN beats SERVFAIL beats timeout
 * beats "no data". Any unspecified, loopback or link-local answer is {@link Cause#DNS_SINKHOLE}:
 * real service names never resolve there, DNS filters do. A literal address skips the phase.
 */
final class AddressLookup {
  /** One question's outcome: an answer or the exception that ended it. */
  private record Outcome(@Nullable DnsAnswer answer, @Nullable IOException error) {
    boolean has(Rcode rcode) {
      return answer != null && answer.rcode() == rcode;
    }
  }

  private static final long GRACE_MILLIS = 200;

  private AddressLookup() {}

  /** The addresses of {@code host}, IPv4 first; never empty. */
  static List<IpAddress> resolve(ProbeRun run, String host, Peer peer) throws ProbeAbort {
    if (IpAddress.isLiteral(host)) {
      return List.of(IpAddress.parse(host));
    }
    run.start(Phase.RESOLVE);
    Outcome v4;
    Outcome v6;
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Future<Outcome> a = threads.submit(() -> ask(run, host, RecordType.A));
      Future<Outcome> aaaa = threads.submit(() -> ask(run, host, RecordType.AAAA));
      v4 = join(a, run.deadline());
      v6 = join(aaaa, run.deadline());
    } finally {
      // Never wait for a resolver that overstays the deadline: abandon it.
      threads.shutdownNow();
    }
    List<IpAddress> addresses = new ArrayList<>(addresses(v4));
    addresses.addAll(addresses(v6));
    if (addresses.isEmpty()) {
      throw run.abort(noAddress(run, host, peer, v4, v6));
    }
    checkSinkhole(run, host, peer, addresses);
    run.end(Phase.RESOLVE);
    return addresses;
  }

  private static void checkSinkhole(ProbeRun run, String host, Peer peer, List<IpAddress> all)
      throws ProbeAbort {
    // A proxy on this machine (127.0.0.1) is legitimate; a service name resolving there is not.
    List<IpAddress> sinkholes = all.stream().filter(IpAddress::isSinkhole).toList();
    if (peer != Peer.PROXY && !sinkholes.isEmpty()) {
      run.fact(Fact.ADDRESSES, join(all));
      throw run.fail(
          Phase.RESOLVE,
          Cause.DNS_SINKHOLE,
          host + " resolves to " + join(sinkholes) + ", a sinkhole address a DNS filter hands out");
    }
  }

  private static ProbeFailure noAddress(
      ProbeRun run, String host, Peer peer, Outcome v4, Outcome v6) {
    ProbeFailure failure = judge(run, host, peer, v4, v6);
    if (peer == Peer.PROXY) {
      return ProbeFailure.fail(
          Cause.PROXY_UNREACHABLE, Phase.RESOLVE, "proxy " + failure.message());
    }
    return failure;
  }

  private static ProbeFailure judge(ProbeRun run, String host, Peer peer, Outcome v4, Outcome v6) {
    if (v4.has(Rcode.NXDOMAIN) || v6.has(Rcode.NXDOMAIN)) {
      return fail(Cause.DNS_NXDOMAIN, host + " does not exist (NXDOMAIN)");
    }
    for (Rcode bad : List.of(Rcode.SERVFAIL, Rcode.REFUSED, Rcode.OTHER)) {
      if (v4.has(bad) || v6.has(bad)) {
        return fail(Cause.DNS_SERVFAIL, "the resolver answered " + bad + " for " + host);
      }
    }
    IOException error = v4.error() != null ? v4.error() : v6.error();
    if (error != null) {
      return run.classify(Phase.RESOLVE, peer, host, error);
    }
    return fail(Cause.DNS_NO_ANSWER, host + " exists but has no A or AAAA record");
  }

  private static ProbeFailure fail(Cause cause, String message) {
    return ProbeFailure.fail(cause, Phase.RESOLVE, message);
  }

  private static Outcome ask(ProbeRun run, String host, RecordType type) {
    Resolver resolver = run.context().resolver();
    try {
      return new Outcome(resolver.query(host, type, run.deadline().remaining()), null);
    } catch (IOException e) {
      return new Outcome(null, e);
    }
  }

  private static Outcome join(Future<Outcome> future, Deadline deadline) {
    try {
      // Resolvers bound themselves by the deadline; the grace only covers thread scheduling.
      return future.get(deadline.remaining().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Outcome(null, new SocketTimeoutException("the resolver did not return in time"));
    } catch (ExecutionException e) {
      throw new IllegalStateException("resolver failed unexpectedly", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, new java.io.InterruptedIOException("interrupted"));
    }
  }

  private static List<IpAddress> addresses(Outcome outcome) {
    return outcome.answer() == null ? List.of() : outcome.answer().addresses();
  }

  static String join(List<IpAddress> addresses) {
    return String.join(",", addresses.stream().map(IpAddress::text).toList());
  }

  static Stream<IpAddress> family(List<IpAddress> all, IpAddress.Family family) {
    return all.stream().filter(a -> a.family() == family);
  }
}
