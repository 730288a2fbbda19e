package dev.preflight.policy;

import dev.preflight.catalog.Endpoint;
import java.util.List;

/**
 * Answers "what happens to a request for this endpoint?" from a configuration file, without sending
 * any traffic.
 */
public interface PolicyEvaluator {
  /** One decision per endpoint, in the order given. */
  List<PolicyDecision> evaluate(List<Endpoint> endpoints);

  /**
   * Things the evaluator could not model that could change an outcome, one sentence each, each
   * reported once.
   */
  List<String> warnings();

  /**
   * Whether this configuration decides the fate of requests for {@code endpoint} at all: a proxy
   * configuration only sees HTTP and HTTPS requests, an allowlist governs every endpoint. Endpoints
   * no evaluator governs are reported as skipped. Every endpoint by default.
   */
  default boolean governs(Endpoint endpoint) {
    return true;
  }
}
