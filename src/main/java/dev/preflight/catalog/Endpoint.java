package dev.preflight.catalog;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One catalog entry: a host (or the stand-in for a wildcard) that Autopilot needs, how to probe it
 * and what its loss costs.
 *
 * <p>Host names may contain the placeholders {@code {domain}} (the Active Directory domain given
 * with {@code --domain}) and {@code {dc}} (a domain controller found through the domain's SRV
 * records); such entries are completed by the plan with {@link #withPlaceholder}, not by the
 * catalog.
 *
 * <p>A <em>zone check</em> ({@code expect.zone}) stands for a wildcard with no documented concrete
 * host: {@link #host} is the wildcard's zone and only DNS can be probed, so {@link #probeProtocol}
 * is {@code DNS} while {@link #protocol} and {@link #ports} still say what a firewall must open for
 * the pattern. Entries whose protocol is {@code dns} are resolver checks: names the network's
 * resolver must answer, not hosts a firewall opens ({@link #allowlisted} is false).
 *
 * @param id stable identifier, lower case, unique in the merged catalog
 * @param service the id of the {@link Service} this entry belongs to
 * @param host the concrete host to probe, lower case (for a wildcard: the documented stand-in,
 *     which the wildcard covers or which is its zone, or the zone for a zone check)
 * @param wildcard the pattern this entry stands for ({@code *.manage.microsoft.com}), or null
 * @param protocol how preflight probes it
 * @param ports every port a firewall must open for it; the first is the one probed
 * @param path the URL path for HTTP(S) probes ({@code /} when none is documented), or null
 * @param impact what its loss costs
 * @param scenarios the deployment modes that need it
 * @param tpms the firmware TPM vendors that need it; empty means every device
 * @param inspectionUnsupported true where Microsoft says TLS inspection breaks the service
 * @param roots names of the root CAs the genuine service chains to; empty means "any public root"
 * @param expect what the probe must observe beyond reachability
 * @param source where the entry comes from
 * @param note why a choice was made where sources disagree, or other context; may be null
 * @param standIn true when {@link #host} only represents its wildcard (or any public name) because
 *     Microsoft documents no host a device really contacts there; false for a host the device
 *     itself contacts
 */
public record Endpoint(
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
    List<String> roots,
    Expectation expect,
    Source source,
    @Nullable String note,
    boolean standIn) {

  public Endpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(source, "source");
    ports = List.copyOf(ports);
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("ports must not be empty: " + id);
    }
    scenarios = Set.copyOf(scenarios);
    tpms = Set.copyOf(tpms);
    roots = List.copyOf(roots);
  }

  /**
   * A builder for an entry with the given identity, protocol, ports and source; the rest starts as
   * most entries have it: no wildcard or path, {@link Impact#BLOCKING}, every scenario and TPM, any
   * public root, no expectation, no note, a host the device itself contacts.
   */
  public static Builder builder(
      String id,
      String service,
      String host,
      Protocol protocol,
      List<Integer> ports,
      Source source) {
    return new Builder(id, service, host, protocol, ports, source);
  }

  /** A builder holding every field of this entry, for a copy that differs in a few. */
  public Builder toBuilder() {
    return new Builder(id, service, host, protocol, ports, source)
        .wildcard(wildcard)
        .path(path)
        .impact(impact)
        .scenarios(scenarios)
        .tpms(tpms)
        .inspectionUnsupported(inspectionUnsupported)
        .roots(roots)
        .expect(expect)
        .note(note)
        .standIn(standIn);
  }

  /** The port the probe uses. */
  public int port() {
    return ports.get(0);
  }

  /** The pattern a firewall or proxy rule must cover: the wildcard if any, else the host. */
  public String pattern() {
    return wildcard != null ? wildcard : host;
  }

  /** True when this entry is needed for the given scenarios and TPM kind. */
  public boolean selectedBy(Set<Scenario> wanted, Tpm tpm) {
    boolean scenarioMatches = scenarios.stream().anyMatch(wanted::contains);
    boolean tpmMatches = tpms.isEmpty() || tpms.contains(tpm);
    return scenarioMatches && tpmMatches;
  }

  /** True for a zone-level DNS check standing for a wildcard with no documented host. */
  public boolean zoneCheck() {
    return expect.zone();
  }

  /** What the probed host is: a host of the flow, a stand-in, or a zone. */
  public HostRole hostRole() {
    if (zoneCheck()) {
      return HostRole.ZONE_CHECK;
    }
    return standIn ? HostRole.STAND_IN : HostRole.FLOW_HOST;
  }

  /** The protocol a probe uses: {@code DNS} for a zone check, else {@link #protocol}. */
  public Protocol probeProtocol() {
    return zoneCheck() ? Protocol.DNS : protocol;
  }

  /**
   * True when a firewall or proxy must let traffic to {@link #pattern} through on {@link #ports};
   * false for resolver checks (protocol {@code dns}), which only the resolver answers.
   */
  public boolean allowlisted() {
    return protocol != Protocol.DNS;
  }

  /**
   * This entry with {@code placeholder} (such as {@code {domain}}) replaced by {@code value} in its
   * host and wildcard, as the check plan fills in hybrid-join entries.
   */
  public Endpoint withPlaceholder(String placeholder, String value) {
    return toBuilder()
        .host(host.replace(placeholder, value))
        .wildcard(wildcard == null ? null : wildcard.replace(placeholder, value))
        .build();
  }

  /** The URL a report shows for it ({@code https://host/path}, {@code ntp://host:123}, ...). */
  public String target() {
    if (zoneCheck()) {
      return "dns://" + host;
    }
    return switch (protocol) {
      case HTTPS -> "https://" + host + portSuffix(443) + (path == null ? "/" : path);
      case HTTP -> "http://" + host + portSuffix(80) + (path == null ? "/" : path);
      default -> protocol.id() + "://" + host + ":" + port();
    };
  }

  private String portSuffix(int defaultPort) {
    return port() == defaultPort ? "" : ":" + port();
  }

  /** Builds an {@link Endpoint} field by field; {@link #build} checks it as the record does. */
  public static final class Builder {
    private final String id;
    private final String service;
    private String host;
    private @Nullable String wildcard;
    private Protocol protocol;
    private List<Integer> ports;
    private @Nullable String path;
    private Impact impact = Impact.BLOCKING;
    private Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
    private Set<Tpm> tpms = Set.of();
    private boolean inspectionUnsupported;
    private List<String> roots = List.of();
    private Expectation expect = Expectation.NONE;
    private final Source source;
    private @Nullable String note;
    private boolean standIn;

    private Builder(
        String id,
        String service,
        String host,
        Protocol protocol,
        List<Integer> ports,
        Source source) {
      this.id = id;
      this.service = service;
      this.host = host;
      this.protocol = protocol;
      this.ports = ports;
      this.source = source;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder wildcard(@Nullable String wildcard) {
      this.wildcard = wildcard;
      return this;
    }

    public Builder protocol(Protocol protocol) {
      this.protocol = protocol;
      return this;
    }

    public Builder ports(List<Integer> ports) {
      this.ports = ports;
      return this;
    }

    public Builder path(@Nullable String path) {
      this.path = path;
      return this;
    }

    public Builder impact(Impact impact) {
      this.impact = impact;
      return this;
    }

    public Builder scenarios(Set<Scenario> scenarios) {
      this.scenarios = scenarios;
      return this;
    }

    public Builder tpms(Set<Tpm> tpms) {
      this.tpms = tpms;
      return this;
    }

    public Builder inspectionUnsupported(boolean inspectionUnsupported) {
      this.inspectionUnsupported = inspectionUnsupported;
      return this;
    }

    public Builder roots(List<String> roots) {
      this.roots = roots;
      return this;
    }

    public Builder expect(Expectation expect) {
      this.expect = expect;
      return this;
    }

    public Builder note(@Nullable String note) {
      this.note = note;
      return this;
    }

    public Builder standIn(boolean standIn) {
      this.standIn = standIn;
      return this;
    }

    public Endpoint build() {
      return new Endpoint(
          id,
          service,
          host,
          wildcard,
          protocol,
          ports,
          path,
          impact,
          scenarios,
          tpms,
          inspectionUnsupported,
          roots,
          expect,
          source,
          note,
          standIn);
    }
  }
}
