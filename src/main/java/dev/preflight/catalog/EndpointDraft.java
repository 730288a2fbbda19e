package dev.preflight.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint entry as read from a catalog file, checked on its own but not yet against the other
 * files (its service and root sets may be defined elsewhere). It remembers the file and the line of
 * each field so later checks can point at them.
 *
 * @param origin where the entry starts
 * @param fieldLines the line of each field present in the file
 * @param source the entry's documented source, or null to use the file as source
 */
record EndpointDraft(
    Origin origin,
    Map<String, Integer> fieldLines,
    String id,
    String service,
    String host,
    @Nullable String wildcard,
    Protocol protocol,
    List<Integer> ports,
    @Nullable String path,
    Impact impact,
    Set<Scenario> scenarios,
    Set<Tpm> tpms,
    boolean inspectionUnsupported,
    List<String> rootSets,
    Expectation expect,
    @Nullable Source source,
    @Nullable String note,
    boolean standIn) {

  EndpointDraft {
    fieldLines = Map.copyOf(fieldLines);
    ports = List.copyOf(ports);
    scenarios = Set.copyOf(scenarios);
    tpms = Set.copyOf(tpms);
    rootSets = List.copyOf(rootSets);
  }

  /** The line of {@code field}, or the entry's first line when the field is absent. */
  int lineOf(String field) {
    return fieldLines.getOrDefault(field, origin.line());
  }
}
