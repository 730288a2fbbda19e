package dev.preflight.verdict;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Fact;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns one probe result into the report's endpoint result: status, cause, a one-sentence detail of
 * what was observed, a one-sentence remedy, route, addresses, timings and TLS facts. Pure.
 *
 * <p>Causes are the probes': each is decided once, where it is observed (a domain controller's
 * closed port by the {@link dev.preflight.probe.FailureClassifier}, an inspecting product by the
 * chain judge). The clock is judged for the whole run by {@link ClockJudge}, which settles the NTP
 * entries afterwards.
 */
public final class ProbeJudge {
  private ProbeJudge() {}

  /** The endpoint result for {@code result}; never null, never throws for any probe outcome. */
  public static EndpointResult judge(ProbeResult result) {
    Endpoint endpoint = result.target().endpoint();
    String route = result.target().route().toString();
    String notApplicable = result.facts().get(Fact.NOT_APPLICABLE);
    // Not applicable here (an IPv6-only name without an IPv6 route): Windows does not use it on
    // this network either, so it is not judged (SKIP) rather than failed.
    if (result.passed() && notApplicable != null) {
      return EndpointResult.skip(endpoint, Sentences.sentence(notApplicable))
          .withRoute(route)
          .withTimings(timings(result.timings()));
    }
    ProbeFailure failure = result.failure();
    // A probe's warning (it works, with a flaw) is a WARN; any other failure is a FAIL. What either
    // does to the deployment is decided once, by Consequences.
    Status status = failure == null || !failure.warning() ? Status.FAIL : Status.WARN;
    EndpointResult judged =
        failure == null
            ? EndpointResult.pass(endpoint, passDetail(result, route))
            : EndpointResult.problem(
                    endpoint, status, failure.cause(), Sentences.sentence(failure.message()))
                .withRemedy(remedy(result, status, failure.cause()));
    return judged
        .withRoute(route)
        .withAddresses(addresses(result))
        .withTimings(timings(result.timings()))
        .withTls(tls(result));
  }

  private static String remedy(ProbeResult result, Status status, Cause cause) {
    if (Consequences.ipv6OnlyNameBehindProxy(status, cause)) {
      return Sentences.oneLine(Remedies.ipv6OnlyNameBehindProxy(result.target().route()));
    }
    return Sentences.oneLine(
        Remedies.forProbe(
            cause,
            result.target().endpoint(),
            result.target().route(),
            result.facts().get(Fact.PRODUCT)));
  }

  private static String passDetail(ProbeResult result, String route) {
    String detail = result.facts().get(Fact.DETAIL);
    if (detail != null && !detail.isBlank()) {
      return Sentences.sentence(detail);
    }
    Endpoint endpoint = result.target().endpoint();
    String status = result.facts().get(Fact.HTTP_STATUS);
    String observed =
        switch (endpoint.probeProtocol()) {
          case HTTP, HTTPS ->
              status == null ? "The origin answered" : "The origin answered HTTP " + status;
          case NTP -> "The time server answered";
          case DNS -> "The name resolved";
          default -> "The port accepted a connection";
        };
    return Sentences.oneLine(observed + " (" + route + ").");
  }

  private static List<String> addresses(ProbeResult result) {
    String joined = result.facts().get(Fact.ADDRESSES);
    if (joined == null || joined.isBlank()) {
      return List.of();
    }
    return Arrays.stream(joined.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .limit(16)
        .map(Sentences::oneLine)
        .toList();
  }

  static Timings timings(Map<Phase, Duration> phases) {
    if (phases.isEmpty()) {
      return Timings.NONE;
    }
    long total = phases.values().stream().mapToLong(Duration::toMillis).sum();
    return new Timings(
        sum(phases, Phase.RESOLVE),
        sum(phases, Phase.CONNECT, Phase.PROXY_TUNNEL),
        sum(phases, Phase.TLS_HANDSHAKE),
        sum(phases, Phase.REQUEST, Phase.RESPONSE),
        total);
  }

  private static @Nullable Long sum(Map<Phase, Duration> phases, Phase... wanted) {
    Long sum = null;
    for (Phase phase : wanted) {
      Duration d = phases.get(phase);
      if (d != null) {
        sum = (sum == null ? 0 : sum) + d.toMillis();
      }
    }
    return sum;
  }

  private static @Nullable TlsFacts tls(ProbeResult result) {
    Map<Fact, String> f = result.facts();
    if (!f.containsKey(Fact.TLS_PROTOCOL)
        && !f.containsKey(Fact.TLS_ISSUER)
        && !f.containsKey(Fact.TLS_ROOT)
        && !f.containsKey(Fact.TLS_NOT_AFTER)) {
      return null;
    }
    return new TlsFacts(
        clean(f.get(Fact.TLS_PROTOCOL)),
        clean(f.get(Fact.TLS_ISSUER)),
        clean(f.get(Fact.TLS_ROOT)),
        clean(f.get(Fact.TLS_NOT_AFTER)));
  }

  private static @Nullable String clean(@Nullable String text) {
    return text == null ? null : Sentences.oneLine(text);
  }

  static @Nullable Long longFact(ProbeResult result, Fact fact) {
    String text = result.facts().get(fact);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
