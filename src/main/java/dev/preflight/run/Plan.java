package dev.preflight.run;

import dev.preflight.probe.ProbeTarget;
import dev.preflight.verdict.EndpointResult;
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
}
