package dev.preflight.verdict;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Derives a report's findings from its judged endpoints: the failures and warnings grouped by root
 * cause, most consequential first. Pure; every renderer gets the result as data.
 *
 * <p>Endpoints share a finding when they have the same status and cause, took the same route and,
 * for a TLS cause, were shown chains from the same issuer: then one change on one device fixes them
 * all. A finding is <em>environment-wide</em> when it covers every endpoint that got as far as the
 * step where it failed (every name looked up, every TLS handshake, every request through that
 * proxy), and at least two: then the fault is the network's, not the endpoints', and the summary
 * says so ("DNS answers that none of them exists, so it does not resolve public names").
 *
 * <p>Order: findings that alone block the deployment first ({@link Consequences#blocks}), then
 * other failures, then warnings; within each, the finding covering more endpoints first.
 */
public final class Findings {
  private static final Comparator<Finding> MOST_CONSEQUENTIAL =
      Comparator.comparingInt(Findings::weight)
          .thenComparing(f -> -f.results().size())
          .thenComparing(Finding::cause);

  /**
   * The step of a connection where a cause shows; each step is reached only past the ones before.
   */
  enum Step {
    NAME,
    CONNECTION,
    TLS,
    HTTP,
    OTHER;

    static Step of(Cause cause) {
      return switch (cause) {
        case DNS_NXDOMAIN, DNS_NO_ANSWER, DNS_SERVFAIL, DNS_TIMEOUT, DNS_SINKHOLE -> NAME;
        case TCP_REFUSED, TCP_TIMEOUT, TCP_UNREACHABLE, PROXY_UNREACHABLE -> CONNECTION;
        case TLS_INTERCEPTED,
            TLS_UNTRUSTED,
            TLS_HOSTNAME_MISMATCH,
            TLS_EXPIRED,
            TLS_HANDSHAKE_FAILED,
            TLS_TIMEOUT ->
            TLS;
        case HTTP_PROXY_AUTH_REQUIRED,
            HTTP_BLOCKED,
            HTTP_CAPTIVE_PORTAL,
            HTTP_TIMEOUT,
            HTTP_UNEXPECTED_STATUS,
            PROXY_UPSTREAM_FAILED ->
            HTTP;
        default -> OTHER;
      };
    }

    /** True when a probe of {@code endpoint} goes through this step at all. */
    boolean appliesTo(Endpoint endpoint) {
      Protocol protocol = endpoint.probeProtocol();
      return switch (this) {
        case NAME, OTHER -> true;
        case CONNECTION ->
            protocol != Protocol.DNS && protocol.transport() == Protocol.Transport.TCP;
        case TLS -> protocol == Protocol.HTTPS;
        case HTTP -> protocol == Protocol.HTTPS || protocol == Protocol.HTTP;
      };
    }
  }

  /** What the endpoints of one finding share. */
  record Key(Status status, Cause cause, @Nullable String route, @Nullable String issuer) {
    Step step() {
      return Step.of(cause);
    }
  }

  private Findings() {}

  /**
   * The findings of {@code results} (every endpoint of the report, in report order); {@code
   * environment} names the DNS servers in the summaries.
   */
  public static List<Finding> of(List<EndpointResult> results, Environment environment) {
    Map<Key, List<EndpointResult>> groups = new LinkedHashMap<>();
    for (EndpointResult r : results) {
      if (r.cause() != null && (r.status() == Status.FAIL || r.status() == Status.WARN)) {
        groups.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
      }
    }
    List<Finding> findings = new ArrayList<>();
    groups.forEach(
        (key, group) ->
            findings.add(
                new Finding(
                    key.cause(),
                    key.status(),
                    impact(group),
                    FindingText.summary(
                        key, group, results.size(), everywhere(key, group, results), environment),
                    FindingText.remedy(group),
                    group)));
    findings.sort(MOST_CONSEQUENTIAL);
    return List.copyOf(findings);
  }

  private static Key key(EndpointResult r) {
    Cause cause = Objects.requireNonNull(r.cause());
    String issuer = null;
    if (Step.of(cause) == Step.TLS && r.tls() != null) {
      issuer = r.tls().root() != null ? r.tls().root() : r.tls().issuer();
    }
    return new Key(r.status(), cause, r.route(), issuer);
  }

  /**
   * True when the group is every endpoint, on its route, that reached its step: those that passed
   * or warned, and those that failed there or later.
   */
  static boolean everywhere(Key key, List<EndpointResult> group, List<EndpointResult> all) {
    if (group.size() < 2) {
      return false;
    }
    Step step = key.step();
    long reached =
        all.stream().filter(r -> group.contains(r) || reachedStep(r, key.route(), step)).count();
    return reached == group.size();
  }

  private static boolean reachedStep(EndpointResult r, @Nullable String route, Step step) {
    if (!Objects.equals(r.route(), route) || !step.appliesTo(r.endpoint())) {
      return false;
    }
    return switch (r.status()) {
      case PASS, WARN -> true;
      case SKIP -> false;
      case FAIL -> r.cause() != null && Step.of(r.cause()).compareTo(step) >= 0;
    };
  }

  private static Impact impact(List<EndpointResult> group) {
    return group.stream().anyMatch(r -> r.endpoint().impact() == Impact.BLOCKING)
        ? Impact.BLOCKING
        : Impact.DEGRADED;
  }

  /**
   * Findings that block the deployment first ({@link Consequences}), then failures, then warnings.
   */
  private static int weight(Finding finding) {
    if (finding.results().stream().anyMatch(Consequences::blocks)) {
      return 0;
    }
    return finding.status() == Status.FAIL ? 1 : 2;
  }
}
