package dev.preflight.verdict;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.Cause;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The judged outcome for one catalog entry, shaped like the contract's JSON endpoint object.
 *
 * @param endpoint the catalog entry judged
 * @param status PASS, WARN, FAIL or SKIP
 * @param cause the contract's cause code; null exactly when the status is PASS or SKIP without a
 *     cause
 * @param detail what was observed, in one sentence
 * @param remedy what to change, in one sentence, or null
 * @param route DIRECT, {@code PROXY host:port} and so on, as a PAC file spells it
 * @param addresses the addresses resolved or used
 * @param timings per-phase durations
 * @param tls handshake facts, or null when no handshake took place
 * @param evidence (analyze) the rule that decided, or null
 */
public record EndpointResult(
    Endpoint endpoint,
    Status status,
    @Nullable Cause cause,
    String detail,
    @Nullable String remedy,
    @Nullable String route,
    List<String> addresses,
    Timings timings,
    @Nullable TlsFacts tls,
    @Nullable Evidence evidence) {

  public EndpointResult {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(timings, "timings");
    addresses = List.copyOf(addresses);
    if (status == Status.PASS && cause != null) {
      throw new IllegalArgumentException("a PASS has no cause: " + endpoint.id());
    }
    if ((status == Status.FAIL || status == Status.WARN) && cause == null) {
      throw new IllegalArgumentException("a " + status + " needs a cause: " + endpoint.id());
    }
  }

  /** A passing result with no further facts; probes and evaluators add facts with the withers. */
  public static EndpointResult pass(Endpoint endpoint, String detail) {
    return new EndpointResult(
        endpoint, Status.PASS, null, detail, null, null, List.of(), Timings.NONE, null, null);
  }

  /** A failing or warning result for {@code cause}, with the cause's default remedy. */
  public static EndpointResult problem(
      Endpoint endpoint, Status status, Cause cause, String detail) {
    return new EndpointResult(
        endpoint,
        status,
        cause,
        detail,
        Remedies.forCause(cause, endpoint),
        null,
        List.of(),
        Timings.NONE,
        null,
        null);
  }

  /** A skipped entry, with the reason it was not judged. */
  public static EndpointResult skip(Endpoint endpoint, String reason) {
    return new EndpointResult(
        endpoint, Status.SKIP, null, reason, null, null, List.of(), Timings.NONE, null, null);
  }

  public EndpointResult withRoute(@Nullable String newRoute) {
    return new EndpointResult(
        endpoint, status, cause, detail, remedy, newRoute, addresses, timings, tls, evidence);
  }

  public EndpointResult withAddresses(List<String> newAddresses) {
    return new EndpointResult(
        endpoint, status, cause, detail, remedy, route, newAddresses, timings, tls, evidence);
  }

  public EndpointResult withTimings(Timings newTimings) {
    return new EndpointResult(
        endpoint, status, cause, detail, remedy, route, addresses, newTimings, tls, evidence);
  }

  public EndpointResult withTls(@Nullable TlsFacts newTls) {
    return new EndpointResult(
        endpoint, status, cause, detail, remedy, route, addresses, timings, newTls, evidence);
  }

  public EndpointResult withEvidence(@Nullable Evidence newEvidence) {
    return new EndpointResult(
        endpoint, status, cause, detail, remedy, route, addresses, timings, tls, newEvidence);
  }

  public EndpointResult withDetail(String newDetail) {
    return new EndpointResult(
        endpoint, status, cause, newDetail, remedy, route, addresses, timings, tls, evidence);
  }

  public EndpointResult withRemedy(@Nullable String newRemedy) {
    return new EndpointResult(
        endpoint, status, cause, detail, newRemedy, route, addresses, timings, tls, evidence);
  }
}
