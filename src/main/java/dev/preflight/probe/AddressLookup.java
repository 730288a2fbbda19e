package dev.preflight.probe;

import dev.preflight.common.IpAddress;
import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.DnsAnswer.Rcode;
import dev.preflight.probe.net.Question;
import dev.preflight.probe.net.RecordType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a host to its A and AAAA addresses in the RESOLVE phase, both questions at once and
 * shared with every probe of the run that asks the same ({@link DnsQuestions}), and judges the
 * answers. Addresses win over errors; otherwise NXDOMAIN beats SERVFAIL beats timeout beats "no
 * data". Any unspecified, loopback or link-local answer is {@link Cause#DNS_SINKHOLE}: real service
 * names never resolve there, DNS filters do. A name that is an alias keeps its CNAME chain as a
 * fact; an NXDOMAIN at the end of a chain names the missing target (RFC 6604). A literal address
 * skips the phase.
 */
final class AddressLookup {
  /** One question's outcome: an answer or the exception that ended it. */
  private record Outcome(@Nullable DnsAnswer answer, @Nullable IOException error) {
    boolean has(Rcode rcode) {
      return answer != null && answer.rcode() == rcode;
    }
  }

  private AddressLookup() {}

  /** The addresses of {@code host}, IPv4 first; never empty. */
  static List<IpAddress> resolve(ProbeRun run, String host, Peer peer) throws ProbeAbort {
    if (IpAddress.isLiteral(host)) {
      return List.of(IpAddress.parse(host));
    }
    List<Question> questions = DnsQuestions.ask(run, host, RecordType.A, RecordType.AAAA);
    Outcome v4 = outcome(run, questions.get(0));
    Outcome v6 = outcome(run, questions.get(1));
    DnsQuestions.answered(run, questions);
    DnsQuestions.recordChain(
        run, Stream.of(v4, v6).map(Outcome::answer).filter(Objects::nonNull).toList());
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
    for (Outcome outcome : List.of(v4, v6)) {
      if (outcome.has(Rcode.NXDOMAIN)) {
        return fail(Cause.DNS_NXDOMAIN, DnsQuestions.nxdomain(host, outcome.answer()));
      }
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
    return fail(Cause.DNS_NO_ANSWER, noData(host, v4.answer()));
  }

  private static String noData(String host, @Nullable DnsAnswer answer) {
    String target = answer == null ? null : answer.target();
    return target == null
        ? host + " exists but has no A or AAAA record"
        : host + " is an alias of " + target + ", which has no A or AAAA record";
  }

  private static ProbeFailure fail(Cause cause, String message) {
    return ProbeFailure.fail(cause, Phase.RESOLVE, message);
  }

  private static Outcome outcome(ProbeRun run, Question question) {
    try {
      return new Outcome(DnsQuestions.answer(run, question), null);
    } catch (IOException e) {
      return new Outcome(null, e);
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
