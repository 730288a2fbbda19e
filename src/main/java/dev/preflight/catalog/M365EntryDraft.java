package dev.preflight.catalog;

import dev.preflight.common.Display;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One catalog entry being assembled from the endpoint sets that list its pattern. The finished
 * entry depends only on which sets contributed, not on their order in the file.
 */
final class M365EntryDraft {
  private static final int MAX_NOTE = 16 * 1024;

  /** What one set says about this pattern. */
  private record Contribution(M365EndpointSet set, String listedAs) {}

  private static final Comparator<Contribution> BY_SET =
      Comparator.comparing(
              (Contribution c) -> c.set().id(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(c -> c.set().line())
          .thenComparing(Contribution::listedAs);

  private final String pattern;
  private final boolean ntp;
  private final TreeSet<Integer> ports = new TreeSet<>();
  private final TreeSet<Contribution> contributions = new TreeSet<>(BY_SET);

  M365EntryDraft(String pattern, boolean ntp) {
    this.pattern = pattern;
    this.ntp = ntp;
  }

  void add(M365EndpointSet set, List<Integer> setPorts, String listedAs) {
    ports.addAll(setPorts);
    contributions.add(new Contribution(set, listedAs));
  }

  String pattern() {
    return pattern;
  }

  String sortKey() {
    boolean wildcard = pattern.startsWith("*.");
    return (wildcard ? pattern.substring(2) : pattern) + " " + (wildcard ? 1 : 0) + (ntp ? 1 : 0);
  }

  String baseId() {
    String name = pattern.startsWith("*.") ? "star." + pattern.substring(2) : pattern;
    return "m365-" + M365Merger.slug(name) + (ntp ? "-ntp" : "");
  }

  /** The service of the lowest set id: one service per service area. */
  String serviceId() {
    return M365Merger.serviceId(contributions.first().set());
  }

  /** {@code set 56} or {@code sets 56, 59}. */
  String setLabels() {
    Set<String> labels = new LinkedHashSet<>();
    contributions.forEach(c -> labels.add(c.set().label()));
    return (labels.size() == 1 ? "set " : "sets ") + String.join(", ", labels);
  }

  Endpoint toEndpoint(String id, Set<String> exactNames, Source source) {
    boolean wildcard = pattern.startsWith("*.");
    String zone = wildcard ? pattern.substring(2) : pattern;
    boolean zoneCheck = wildcard && !exactNames.contains(zone);
    Protocol protocol = ntp ? Protocol.NTP : tcpProtocol();
    boolean required = contributions.stream().anyMatch(c -> c.set().required());
    return Endpoint.builder(id, serviceId(), zone, protocol, orderedPorts(protocol), source)
        .wildcard(wildcard ? pattern : null)
        .impact(required ? Impact.BLOCKING : Impact.DEGRADED)
        .inspectionUnsupported(
            contributions.stream().anyMatch(c -> bypassesInspection(c.set().category())))
        .expect(zoneCheck ? new Expectation(null, null, null, true) : Expectation.NONE)
        .note(note())
        .build();
  }

  private Protocol tcpProtocol() {
    if (ports.contains(443)) {
      return Protocol.HTTPS;
    }
    return ports.contains(80) ? Protocol.HTTP : Protocol.TCP;
  }

  /** The probed port first (443 for https, 80 for http), then the rest ascending. */
  private List<Integer> orderedPorts(Protocol protocol) {
    List<Integer> ordered = new ArrayList<>();
    int primary = protocol == Protocol.HTTPS ? 443 : protocol == Protocol.HTTP ? 80 : ports.first();
    ordered.add(primary);
    ports.stream().filter(p -> p != primary).forEach(ordered::add);
    return ordered;
  }

  private static boolean bypassesInspection(@Nullable String category) {
    return "optimize".equalsIgnoreCase(category) || "allow".equalsIgnoreCase(category);
  }

  private String note() {
    Set<String> sets = new LinkedHashSet<>();
    Set<String> notes = new LinkedHashSet<>();
    Set<String> widened = new TreeSet<>();
    for (Contribution c : contributions) {
      sets.add(describe(c.set()));
      if (c.set().notes() != null) {
        notes.add("set " + c.set().label() + ": " + c.set().notes());
      }
      if (!c.listedAs().equals(pattern)) {
        widened.add(c.listedAs());
      }
    }
    StringBuilder note = new StringBuilder("Microsoft 365 endpoint ");
    note.append(sets.size() == 1 ? "set " : "sets ").append(String.join("; ", sets)).append('.');
    if (!widened.isEmpty()) {
      note.append(" Listed as ").append(String.join(", ", widened));
      note.append(", widened to the catalog's wildcard form.");
    }
    if (!notes.isEmpty()) {
      note.append(" Notes: ").append(String.join(" ", notes));
    }
    // One catalog line holds the note; the loader accepts lines of up to 64 Ki characters.
    return Display.line(note.toString(), MAX_NOTE);
  }

  private static String describe(M365EndpointSet set) {
    List<String> facts = new ArrayList<>();
    if (set.serviceArea() != null) {
      facts.add(set.serviceArea());
    }
    if (set.category() != null) {
      facts.add(set.category());
    }
    facts.add(set.required() ? "required" : "optional");
    if (set.expressRoute()) {
      facts.add("ExpressRoute");
    }
    return set.label() + " (" + facts.stream().collect(Collectors.joining(", ")) + ")";
  }
}
