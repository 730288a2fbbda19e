package dev.preflight.run;

import dev.preflight.probe.ProbeTarget;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.TenantSummary;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What tenant discovery contributes to a check run: the hosts it found, to probe with the rest, the
 * judged discovery requests and aliases, the entries it could not name (skipped), report warnings,
 * and the tenant's summary for the environment.
 *
 * @param targets discovered hosts to probe, routes chosen
 * @param settled results already judged (the discovery requests, the aliases) or skipped
 * @param warnings report warnings, one sentence each
 * @param summary the tenant summary; null when no tenant was given
 * @param provenance for each discovered entry id, the sentence saying which discovery named it
 */
record TenantFindings(
    List<ProbeTarget> targets,
    List<EndpointResult> settled,
    List<String> warnings,
    @Nullable TenantSummary summary,
    Map<String, String> provenance) {
  static final TenantFindings NONE =
      new TenantFindings(List.of(), List.of(), List.of(), null, Map.of());

  TenantFindings {
    targets = List.copyOf(targets);
    settled = List.copyOf(settled);
    warnings = List.copyOf(warnings);
    provenance = Map.copyOf(provenance);
  }

  /** {@code result} with its provenance appended when discovery named its host. */
  EndpointResult annotate(EndpointResult result) {
    String origin = provenance.get(result.endpoint().id());
    return origin == null ? result : result.withDetail(result.detail() + " " + origin);
  }
}
