package dev.preflight.run;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.PolicyEvaluator;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Judge;
import dev.preflight.verdict.PolicyJudge;
import dev.preflight.verdict.Report;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code analyze} flow: select the catalog entries the scenarios need, ask every configuration
 * what happens to each, judge the decisions and assemble the report. Sends no traffic.
 *
 * <p>Two kinds of entry are never put to a configuration and are skipped with the reason, whichever
 * configurations are given: entries with a placeholder (hybrid-join domain controllers, which need
 * the domain), and resolver checks (protocol {@code dns}), which the device's DNS server answers
 * and no allowlist, PAC file or proxy rule decides. {@code export} leaves the resolver checks out
 * for the same reason, so an exported list analyzed back judges the same entries it lists.
 *
 * @param catalog the merged catalog
 * @param scenarios the chosen scenarios, in order
 * @param tpm the device's TPM kind
 * @param evaluators one per configuration given; at least one
 */
public record AnalyzeRun(
    Catalog catalog, List<Scenario> scenarios, Tpm tpm, List<PolicyEvaluator> evaluators) {

  public AnalyzeRun {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(tpm, "tpm");
    scenarios = List.copyOf(scenarios);
    evaluators = List.copyOf(evaluators);
    if (evaluators.isEmpty()) {
      throw new IllegalArgumentException("evaluators must not be empty");
    }
  }

  /**
   * Evaluates every selected endpoint and returns the judged report; {@code machine} is where the
   * evaluation ran, for the report's environment.
   */
  public Report run(String toolVersion, LocalMachine machine, Clock clock) {
    Instant startedAt = clock.instant();
    List<Endpoint> selected = catalog.select(new LinkedHashSet<>(scenarios), tpm);
    List<Endpoint> judged = selected.stream().filter(e -> skipReason(e) == null).toList();
    Map<Endpoint, List<PolicyDecision>> decisions = decide(judged);
    List<EndpointResult> results = new ArrayList<>();
    for (Endpoint endpoint : selected) {
      String skip = skipReason(endpoint);
      results.add(
          skip != null
              ? EndpointResult.skip(endpoint, skip)
              : PolicyJudge.judge(endpoint, decisions.getOrDefault(endpoint, List.of())));
    }
    Set<String> warnings = new LinkedHashSet<>();
    evaluators.forEach(e -> warnings.addAll(e.warnings()));
    Duration duration = Duration.between(startedAt, clock.instant());
    return Judge.judge(
        Report.Mode.ANALYZE,
        toolVersion,
        catalog,
        scenarios,
        results,
        RunEnvironment.of(machine, catalog).build(),
        List.copyOf(warnings),
        startedAt,
        duration);
  }

  private Map<Endpoint, List<PolicyDecision>> decide(List<Endpoint> endpoints) {
    Map<Endpoint, List<PolicyDecision>> byEndpoint = new HashMap<>();
    for (PolicyEvaluator evaluator : evaluators) {
      List<Endpoint> governed = endpoints.stream().filter(evaluator::governs).toList();
      for (PolicyDecision decision : evaluator.evaluate(governed)) {
        byEndpoint.computeIfAbsent(decision.endpoint(), k -> new ArrayList<>()).add(decision);
      }
    }
    return byEndpoint;
  }

  /** Why no configuration is asked about {@code endpoint}, or null when they all are. */
  private static @Nullable String skipReason(Endpoint endpoint) {
    if (endpoint.host().contains("{")) {
      return "Needs the Active Directory domain, which analyze does not take.";
    }
    if (!endpoint.allowlisted()) {
      return resolverCheck(endpoint);
    }
    return null;
  }

  /**
   * What a configuration can and cannot say about a resolver check. The device asks its own DNS
   * server: a proxy never sees the query, and an allowlist of destinations cannot make a name
   * resolve, let alone to the address NCSI expects.
   */
  private static String resolverCheck(Endpoint endpoint) {
    String expected =
        endpoint.expect().address() == null ? "" : " to " + endpoint.expect().address();
    return "A resolver check: whether "
        + endpoint.host()
        + " resolves"
        + expected
        + " is decided by the DNS server the device uses, not by an allowlist, PAC file or proxy"
        + " (none of them sees the query). An allowlist can at most let that server reach the"
        + " internet on port 53; preflight check tests the name itself.";
  }
}
