package dev.preflight.export;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns selected catalog entries into an {@link Allowlist}.
 *
 * <p>Entries with the same pattern merge into one line (ports united, BLOCKING wins). A host or
 * narrower wildcard below a wildcard folds into it when the wildcard already opens all its ports
 * and has the same impact and inspection flag, so nothing is lost by folding. Entries that are not
 * internet destinations are kept apart as {@link ExcludedEntry excluded}: hosts with a placeholder
 * ({@code {domain}}, {@code {dc}}) are domain controllers on the internal network, and DNS checks
 * go to the device's own resolver rather than to a host on the internet.
 */
public final class AllowlistBuilder {
  /** Orders by domain, a host before the wildcard for the same domain. */
  static final Comparator<AllowlistEntry> ORDER =
      Comparator.comparing(AllowlistEntry::domain).thenComparing(AllowlistEntry::wildcard);

  private AllowlistBuilder() {}

  /** The allowlist for {@code selected}, the entries already chosen for the scenarios and TPM. */
  public static Allowlist build(List<Endpoint> selected, List<Scenario> scenarios, Tpm tpm) {
    Map<String, Line> lines = new LinkedHashMap<>();
    List<ExcludedEntry> excluded = new ArrayList<>();
    for (Endpoint endpoint : selected) {
      Optional<String> reason = exclusionReason(endpoint);
      if (reason.isPresent()) {
        excluded.add(new ExcludedEntry(endpoint.id(), endpoint.pattern(), reason.get()));
      } else {
        for (String pattern : patterns(endpoint)) {
          lines.computeIfAbsent(pattern, Line::new).add(endpoint);
        }
      }
    }
    List<AllowlistEntry> entries = fold(lines.values().stream().map(Line::toEntry).toList());
    excluded.sort(Comparator.comparing(ExcludedEntry::id));
    return new Allowlist(scenarios, tpm, entries, excluded);
  }

  /** Why an entry is not an internet allowlist line, or empty when it is one. */
  static Optional<String> exclusionReason(Endpoint endpoint) {
    if (endpoint.pattern().contains("{")) {
      return Optional.of(
          "an internal name filled in from --domain (domain controllers): reached on the internal"
              + " network, not through the internet");
    }
    if (!endpoint.allowlisted()) {
      return Optional.of(
          "a resolver check: the device's DNS server must resolve it; no firewall rule for the"
              + " host");
    }
    return Optional.empty();
  }

  /**
   * The lines an entry needs: its pattern, plus its stand-in host when that host is the wildcard's
   * own zone ({@code emdl.ws.microsoft.com} for {@code *.emdl.ws.microsoft.com}), which the
   * wildcard does not match but the device is documented to reach. A zone check's host is only
   * looked up in DNS and needs no line.
   */
  private static List<String> patterns(Endpoint endpoint) {
    String pattern = normalize(endpoint.pattern());
    String host = normalize(endpoint.host());
    if (endpoint.wildcard() != null && !endpoint.zoneCheck() && pattern.equals("*." + host)) {
      return List.of(pattern, host);
    }
    return List.of(pattern);
  }

  private static String normalize(String pattern) {
    String lower = pattern.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static List<AllowlistEntry> fold(List<AllowlistEntry> merged) {
    Map<String, AllowlistEntry> wildcards = new HashMap<>();
    merged.stream().filter(AllowlistEntry::wildcard).forEach(w -> wildcards.put(w.domain(), w));
    Map<String, AllowlistEntry> kept = new LinkedHashMap<>();
    merged.forEach(e -> kept.put(e.pattern(), e));
    for (AllowlistEntry entry : merged) {
      Optional<AllowlistEntry> target = broadestCompatible(entry, wildcards);
      if (target.isPresent()) {
        kept.remove(entry.pattern());
        kept.computeIfPresent(target.get().pattern(), (p, w) -> absorb(w, entry));
      }
    }
    return kept.values().stream().sorted(ORDER).toList();
  }

  /**
   * The broadest wildcard strictly above {@code entry} that opens everything it needs. Being
   * compatible is transitive, so the broadest one is never itself folded away.
   */
  private static Optional<AllowlistEntry> broadestCompatible(
      AllowlistEntry entry, Map<String, AllowlistEntry> wildcards) {
    String[] labels = entry.domain().split("\\.");
    for (int start = labels.length - 1; start >= 1; start--) {
      String suffix = String.join(".", Arrays.asList(labels).subList(start, labels.length));
      AllowlistEntry wildcard = wildcards.get(suffix);
      if (wildcard != null && compatible(entry, wildcard)) {
        return Optional.of(wildcard);
      }
    }
    return Optional.empty();
  }

  private static boolean compatible(AllowlistEntry narrow, AllowlistEntry wide) {
    return wide.tcpPorts().containsAll(narrow.tcpPorts())
        && wide.udpPorts().containsAll(narrow.udpPorts())
        && wide.impact() == narrow.impact()
        && wide.inspectionUnsupported() == narrow.inspectionUnsupported();
  }

  private static AllowlistEntry absorb(AllowlistEntry wide, AllowlistEntry narrow) {
    return new AllowlistEntry(
        wide.pattern(),
        wide.tcpPorts(),
        wide.udpPorts(),
        wide.impact(),
        wide.inspectionUnsupported(),
        union(wide.services(), narrow.services()),
        union(wide.entryIds(), narrow.entryIds()));
  }

  private static List<String> union(List<String> a, List<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** The catalog entries that share one pattern, merged. */
  private static final class Line {
    private final String pattern;
    private final TreeSet<Integer> tcp = new TreeSet<>();
    private final TreeSet<Integer> udp = new TreeSet<>();
    private final TreeSet<String> services = new TreeSet<>();
    private final TreeSet<String> ids = new TreeSet<>();
    private Impact impact = Impact.DEGRADED;
    private boolean inspectionUnsupported;

    Line(String pattern) {
      this.pattern = pattern;
    }

    void add(Endpoint endpoint) {
      (endpoint.protocol().transport() == Protocol.Transport.UDP ? udp : tcp)
          .addAll(endpoint.ports());
      services.add(endpoint.service());
      ids.add(endpoint.id());
      if (endpoint.impact() == Impact.BLOCKING) {
        impact = Impact.BLOCKING;
      }
      inspectionUnsupported |= endpoint.inspectionUnsupported();
    }

    AllowlistEntry toEntry() {
      return new AllowlistEntry(
          pattern,
          List.copyOf(tcp),
          List.copyOf(udp),
          impact,
          inspectionUnsupported,
          List.copyOf(services),
          List.copyOf(ids));
    }
  }
}
