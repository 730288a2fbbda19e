package dev.preflight.policy;

import dev.preflight.catalog.Endpoint;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an offline evaluator decided for one endpoint, with the rule that decided.
 *
 * @param endpoint the catalog entry
 * @param outcome allowed, denied, and so on
 * @param route the PAC-style route ({@code DIRECT}, {@code PROXY host:port}), or null when the
 *     evaluator does not decide routes
 * @param fallbacks the PAC fallback list (its first 16 entries), first entry equal to {@code
 *     route}; empty when not a PAC decision
 * @param reason what the evaluator saw, in one sentence
 * @param evidence the rule that decided, or null when no single rule did (an implicit default)
 * @param dependsOnDns true when the answer relied on a DNS-dependent helper
 */
public record PolicyDecision(
    Endpoint endpoint,
    Outcome outcome,
    @Nullable String route,
    List<String> fallbacks,
    String reason,
    @Nullable RuleRef evidence,
    boolean dependsOnDns) {

  public PolicyDecision {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    fallbacks = List.copyOf(fallbacks);
  }
}
