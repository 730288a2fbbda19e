package dev.preflight.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns endpoint sets into catalog entries, one per distinct pattern and protocol.
 *
 * <ul>
 *   <li>A name listed in several sets becomes one entry: ports united, set ids, categories and
 *       notes kept in the note, BLOCKING if any set is required, the service of the lowest set id.
 *       The result does not depend on the order of the sets in the file.
 *   <li>Impact: a set marked {@code required} is BLOCKING, any other DEGRADED. The flag is
 *       Microsoft's only statement of need in the list, and whoever imports a set asks preflight to
 *       treat it as needed; optional sets say in their notes what stops working, which is what
 *       DEGRADED means.
 *   <li>Categories Optimize and Allow set {@code inspectionUnsupported}: Microsoft asks networks to
 *       send them past TLS-inspecting proxies.
 *   <li>TCP: the entry probes https when 443 is listed, else http when 80 is, else tcp. Ranges are
 *       expanded up to {@link #MAX_RANGE} ports; wider ranges are left out with a warning. UDP:
 *       port 123 becomes an NTP entry; other UDP ports cannot be probed and are left out with a
 *       warning.
 *   <li>{@code *.example.com} stays a wildcard. Its stand-in host is {@code example.com} when the
 *       list names that host too, else the entry is a zone-level DNS check. Other wildcard forms
 *       ({@code *-my.sharepoint.com}, {@code autodiscover.*.onmicrosoft.com}) are widened to the
 *       narrowest {@code *.domain} that covers them, with the original in the note.
 *   <li>IP ranges are validated and counted, not imported: catalog entries are names.
 * </ul>
 */
final class M365Merger {
  static final int MAX_RANGE = 100;
  private static final int NTP_PORT = 123;
  private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9.]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-|-$");

  private final M365Importer.Options options;
  private final String fileName;
  private final String date;
  private final Map<String, M365EntryDraft> drafts = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, M365EndpointSet> areaNames = new TreeMap<>();
  private final Set<String> areasSeen = new HashSet<>();
  private int setsRead;
  private int setsUsed;

  M365Merger(M365Importer.Options options, String fileName, String date) {
    this.options = options;
    this.fileName = fileName;
    this.date = date;
  }

  void add(M365EndpointSet set) {
    setsRead++;
    if (set.serviceArea() != null) {
      areasSeen.add(set.serviceArea().toLowerCase(Locale.ROOT));
    }
    if (!options.keeps(set)) {
      return;
    }
    setsUsed++;
    areaNames.merge(serviceId(set), set.summary(), M365Merger::betterName);
    if (set.urls().isEmpty()) {
      if (set.ipCount() > 0) {
        warn(set, "lists only IP ranges; catalog entries are names, so it adds nothing");
      }
      return;
    }
    List<Integer> tcp = expand(set, "TCP", set.tcpPorts());
    boolean ntp = udp(set);
    if (tcp.isEmpty() && !ntp) {
      warn(set, "lists no port preflight can use, so its names are left out");
      return;
    }
    // Entries keep a summary of each set, not its names, so memory grows with distinct names.
    M365EndpointSet summary = set.summary();
    for (String url : set.urls()) {
      String pattern = pattern(set, url);
      if (pattern == null) {
        continue;
      }
      if (!tcp.isEmpty()) {
        draft(pattern, Protocol.HTTPS).add(summary, tcp, url);
      }
      if (ntp) {
        draft(pattern, Protocol.NTP).add(summary, List.of(NTP_PORT), url);
      }
    }
  }

  M365Import result() {
    Set<String> exactNames = new HashSet<>();
    drafts.values().forEach(d -> exactNames.add(d.pattern()));
    Set<String> ids = new HashSet<>();
    List<Endpoint> endpoints = new ArrayList<>();
    drafts.values().stream()
        .sorted(Comparator.comparing(M365EntryDraft::sortKey))
        .forEach(
            d -> endpoints.add(d.toEndpoint(uniqueId(ids, d.baseId()), exactNames, source(d))));
    List<Service> services =
        endpoints.stream()
            .map(Endpoint::service)
            .distinct()
            .sorted()
            .map(id -> service(id, areaNames.get(id)))
            .toList();
    options.serviceAreas().stream()
        .filter(area -> !areasSeen.contains(area))
        .sorted()
        .forEach(area -> warnings.add("no endpoint set has service area '" + area + "'"));
    return new M365Import(services, endpoints, warnings, setsRead, setsUsed);
  }

  static String serviceId(M365EndpointSet set) {
    return "m365-" + slug(set.serviceArea() == null ? "unknown-area" : set.serviceArea());
  }

  /** The set whose display name names the area: the lowest set id that has one. */
  private static M365EndpointSet betterName(M365EndpointSet a, M365EndpointSet b) {
    if ((a.serviceAreaDisplayName() == null) != (b.serviceAreaDisplayName() == null)) {
      return a.serviceAreaDisplayName() != null ? a : b;
    }
    Comparator<M365EndpointSet> order =
        Comparator.comparing(M365EndpointSet::id, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(M365EndpointSet::line);
    return order.compare(a, b) <= 0 ? a : b;
  }

  private static Service service(String id, M365EndpointSet set) {
    String display = set.serviceAreaDisplayName();
    String area = set.serviceArea() == null ? "(no service area)" : set.serviceArea();
    return new Service(
        id,
        display != null ? display : "Microsoft 365 " + area,
        "Microsoft 365 features of this service area stop working on the device; required sets"
            + " block, optional sets degrade.");
  }

  private Source source(M365EntryDraft draft) {
    return new Source(
        "Microsoft 365 IP address and URL web service, "
            + draft.setLabels()
            + " ("
            + fileName
            + ")",
        date);
  }

  private M365EntryDraft draft(String pattern, Protocol kind) {
    return drafts.computeIfAbsent(
        pattern + " " + kind, k -> new M365EntryDraft(pattern, kind == Protocol.NTP));
  }

  private List<Integer> expand(M365EndpointSet set, String transport, List<M365PortRange> ranges) {
    TreeSet<Integer> ports = new TreeSet<>();
    for (M365PortRange range : ranges) {
      if (range.size() > MAX_RANGE) {
        warn(
            set,
            transport
                + " range "
                + range
                + " is wider than "
                + MAX_RANGE
                + " ports and is left out");
        continue;
      }
      for (int port = range.first(); port <= range.last(); port++) {
        ports.add(port);
      }
    }
    return List.copyOf(ports);
  }

  private boolean udp(M365EndpointSet set) {
    List<Integer> udp = expand(set, "UDP", set.udpPorts());
    List<Integer> other = udp.stream().filter(p -> p != NTP_PORT).toList();
    if (!other.isEmpty()) {
      warn(set, "UDP ports " + other + " are left out: preflight probes UDP only for NTP (123)");
    }
    return udp.contains(NTP_PORT);
  }

  /** The catalog pattern for a listed name, or null (with a warning) when none fits. */
  private @Nullable String pattern(M365EndpointSet set, String url) {
    if (!url.contains("*") || (url.startsWith("*.") && url.indexOf('*', 1) < 0)) {
      return url.startsWith("*.") && url.substring(2).indexOf('.') < 0 ? tooBroad(set, url) : url;
    }
    String[] labels = url.split("\\.");
    int last = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].contains("*")) {
        last = i;
      }
    }
    if (labels.length - last - 1 < 2) {
      return tooBroad(set, url);
    }
    String widened = "*." + String.join(".", List.of(labels).subList(last + 1, labels.length));
    warn(set, "'" + url + "' is widened to '" + widened + "', the catalog's wildcard form");
    return widened;
  }

  private @Nullable String tooBroad(M365EndpointSet set, String url) {
    warn(set, "'" + url + "' is too broad for a catalog wildcard and is left out");
    return null;
  }

  private static String uniqueId(Set<String> taken, String base) {
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private void warn(M365EndpointSet set, String message) {
    warnings.add("set " + set.label() + ": " + message);
  }

  static String slug(String text) {
    String dashed = NOT_ID.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
    return EDGE_DASHES.matcher(dashed).replaceAll("");
  }
}
