package dev.preflight.run;

import dev.preflight.probe.ProbeTarget;
import dev.preflight.verdict.EndpointResult;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a check run will do: the probes to run with their routes, the entries already settled
 * without probing (skipped, with the reason), the hybrid-join discovery if any, and report warnings
 * raised while planning.
 */
public record Plan(
    List<ProbeTarget> targets,
    List<EndpointResult> settled,
    @Nullable DcDiscovery discovery,
    List<String> warnings) {
  public Plan {
    targets = List.copyOf(targets);
    settled = List.copyOf(settled);
    warnings = List.copyOf(warnings);
  }

  /** This plan with {@code more} warnings. */
  Plan withWarnings(List<String> more) {
    List<String> allWarnings = new ArrayList<>(warnings);
    allWarnings.addAll(more);
    return new Plan(targets, settled, discovery, allWarnings);
  }

  /** This plan with tenant discovery's hosts to probe, settled entries and warnings added. */
  Plan with(TenantFindings tenant) {
    List<ProbeTarget> allTargets = new ArrayList<>(targets);
    allTargets.addAll(tenant.targets());
    List<EndpointResult> allSettled = new ArrayList<>(settled);
    allSettled.addAll(tenant.settled());
    List<String> allWarnings = new ArrayList<>(warnings);
    allWarnings.addAll(tenant.warnings());
    return new Plan(allTargets, allSettled, discovery, allWarnings);
  }
}
