package dev.preflight.export;

import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.util.List;

/**
 * The deduplicated allowlist for one selection of the catalog. Entries are sorted by domain, a host
 * just before the wildcard for the same domain; no two entries share a pattern.
 *
 * @param scenarios the scenarios it was built for, in the order given
 * @param tpm the TPM kind it was built for
 * @param entries the hosts and wildcards to open
 * @param excluded the selected entries that are not internet destinations, sorted by id
 */
public record Allowlist(
    List<Scenario> scenarios, Tpm tpm, List<AllowlistEntry> entries, List<ExcludedEntry> excluded) {

  public Allowlist {
    scenarios = List.copyOf(scenarios);
    entries = List.copyOf(entries);
    excluded = List.copyOf(excluded);
  }

  /** A one-line description of the selection for file headers. */
  public String selectionLabel() {
    List<String> names = scenarios.stream().map(Scenario::id).toList();
    return "scenarios " + String.join(", ", names) + "; TPM " + tpm.id();
  }
}
