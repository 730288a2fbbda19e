package dev.preflight.verdict;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Fact;
import dev.preflight.probe.Phase;
import dev.preflight.probe.ProbeFailure;
import dev.preflight.probe.ProbeResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns one probe result into the report's endpoint result: status, cause, a one-sentence detail of
 * what was observed, a one-sentence remedy, route, addresses, timings and TLS facts. Pure.
 *
 * <p>Two findings are judged here rather than in the probes, because they depend on the run's
 * settings or on the entry's role: an NTP offset beyond {@code maxSkew} is {@code CLOCK_SKEW}, and
 * a connection failure to a domain controller's LDAP or Kerberos port is {@code DC_UNREACHABLE}.
 */
public final class ProbeJudge {
  private static final Set<Cause> CONNECT_FAILURES =
      EnumSet.of(Cause.TCP_REFUSED, Cause.TCP_TIMEOUT, Cause.TCP_UNREACHABLE);

  private final Duration maxSkew;

  /** A judge tolerating clock offsets up to {@code maxSkew}. */
  public ProbeJudge(Duration maxSkew) {
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
  }

  /** The endpoint result for {@code result}; never null, never throws for any probe outcome. */
  public EndpointResult judge(ProbeResult result) {
    Endpoint endpoint = result.target().endpoint();
    String route = result.target().route().toString();
    String notApplicable = result.facts().get(Fact.NOT_APPLICABLE);
    if (result.passed() && notApplicable != null) {
      return EndpointResult.skip(endpoint, Sentences.sentence(notApplicable))
          .withRoute(route)
          .withTimings(timings(result.timings()));
    }
    ProbeFailure failure = refine(result);
    EndpointResult judged =
        failure == null
            ? EndpointResult.pass(endpoint, withChain(passDetail(result, route), result))
            : EndpointResult.problem(
                    endpoint,
                    failure.warning() ? Status.WARN : Status.FAIL,
                    failure.cause(),
                    withChain(Sentences.sentence(failure.message()), result))
                .withRemedy(remedy(result, failure.cause()));
    return judged
        .withRoute(route)
        .withAddresses(addresses(result))
        .withTimings(timings(result.timings()))
        .withTls(tls(result));
  }

  private @Nullable ProbeFailure refine(ProbeResult result) {
    ProbeFailure failure = result.failure();
    Protocol protocol = result.target().endpoint().protocol();
    if (failure == null && protocol == Protocol.NTP) {
      return skewFailure(result);
    }
    boolean domainController = protocol == Protocol.LDAP || protocol == Protocol.KERBEROS;
    if (failure != null && domainController && CONNECT_FAILURES.contains(failure.cause())) {
      return new ProbeFailure(
          Cause.DC_UNREACHABLE,
          failure.phase(),
          failure.message() + " (" + failure.cause() + ")",
          failure.warning());
    }
    return failure;
  }

  private @Nullable ProbeFailure skewFailure(ProbeResult result) {
    Long offset = longFact(result, Fact.NTP_OFFSET_MS);
    if (offset == null || Math.abs(offset) <= maxSkew.toMillis()) {
      return null;
    }
    return ProbeFailure.fail(
        Cause.CLOCK_SKEW,
        Phase.NTP_EXCHANGE,
        "This machine's clock is "
            + Durations.aheadOrBehind(offset)
            + " "
            + result.target().endpoint().host()
            + ", more than the tolerated "
            + Durations.human(maxSkew)
            + ".");
  }

  private String remedy(ProbeResult result, Cause cause) {
    return Sentences.oneLine(
        Remedies.forProbe(
            cause,
            result.target().endpoint(),
            result.target().route(),
            maxSkew,
            result.facts().get(Fact.TLS_ISSUER),
            result.facts().get(Fact.TLS_ROOT)));
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

  /**
   * {@code detail} followed by the CNAME chain the name resolved through, when it is an alias: the
   * alias target is often the name a firewall or a DNS filter blocks.
   */
  private static String withChain(String detail, ProbeResult result) {
    String chain = result.facts().get(Fact.CNAME_CHAIN);
    if (chain == null) {
      return detail;
    }
    return Sentences.sentence(detail + " CNAME chain: " + chain);
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
