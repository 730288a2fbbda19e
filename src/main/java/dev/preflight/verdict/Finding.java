package dev.preflight.verdict;

import dev.preflight.catalog.Impact;
import dev.preflight.probe.Cause;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One root cause of a report: the endpoints that failed or warned the same way, for the same fix.
 * Shaped like an entry of the JSON report's {@code findings}; derived by {@link Findings}.
 *
 * @param cause the contract's cause code all of them share
 * @param status FAIL or WARN
 * @param impact BLOCKING when any of them is a blocking endpoint, else DEGRADED
 * @param summary one sentence: the cause, how many of the report's endpoints it covers, and what it
 *     means on this network
 * @param remedy what to change, one sentence per distinct fix, or null when none is known
 * @param results the endpoint results it covers, in report order (at least one)
 */
public record Finding(
    Cause cause,
    Status status,
    Impact impact,
    String summary,
    @Nullable String remedy,
    List<EndpointResult> results) {

  public Finding {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(summary, "summary");
    results = List.copyOf(results);
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a finding covers at least one endpoint");
    }
  }

  /** The catalog ids of the endpoints covered, each once, in report order. */
  public List<String> endpointIds() {
    return results.stream().map(r -> r.endpoint().id()).distinct().toList();
  }

  /** The host names or patterns covered, each once, in report order. */
  public List<String> patterns() {
    return results.stream().map(r -> r.endpoint().pattern()).distinct().toList();
  }
}
