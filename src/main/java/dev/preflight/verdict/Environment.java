package dev.preflight.verdict;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The context a report was made in, as the JSON report's {@code environment} shows it: the network
 * settings the run used and where each came from, the tenant and domain it judged, the machine it
 * ran on, and the catalog it judged against. New fields are added here and to the {@link Builder};
 * consumers ignore fields they do not know. The machine's facts are gathered by the run (I/O),
 * never here.
 *
 * @param proxy the proxy setting, credentials redacted, or null for none
 * @param dnsServers the DNS servers asked, as {@code host:port}
 * @param clockOffsetMs reference time minus local time, or null when unknown
 * @param tenant what tenant discovery learned ({@code --tenant}), or null without it
 * @param domain the Active Directory domain hybrid join used and its source, or null when none
 * @param proxySource where the proxy setting came from: {@code --proxy}, {@code --pac}, {@code
 *     environment} (the {@code *_PROXY} variables) or the {@code --proxy-source} that decided
 *     ({@code device}, {@code system}, {@code none}); null when unknown
 * @param dnsSource where the DNS servers came from ({@code --dns-server} or the system's resolver
 *     settings), or null when unknown
 * @param clockSource what the clock offset was measured against, or null when it was not measured
 * @param machine this machine's host name, or null when unknown
 * @param addresses this machine's addresses, loopback and link-local left out
 * @param defaultInterface the network interface of the default route, or null when there is none
 * @param catalogDate the date of the newest source page of the catalog entries judged, or null
 * @param proxyDiscovery what the proxy source found and how many endpoints each route carried, or
 *     null (analyze)
 */
public record Environment(
    @Nullable String proxy,
    List<String> dnsServers,
    @Nullable Long clockOffsetMs,
    @Nullable TenantSummary tenant,
    @Nullable DomainChoice domain,
    @Nullable String proxySource,
    @Nullable String dnsSource,
    @Nullable String clockSource,
    @Nullable String machine,
    List<String> addresses,
    @Nullable String defaultInterface,
    @Nullable String catalogDate,
    @Nullable ProxySourceSummary proxyDiscovery) {
  public Environment {
    dnsServers = List.copyOf(dnsServers);
    addresses = List.copyOf(addresses);
  }

  public static final Environment UNKNOWN = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this environment, for a copy that differs in a few fields. */
  public Builder toBuilder() {
    return new Builder()
        .proxy(proxy)
        .dnsServers(dnsServers)
        .clockOffsetMs(clockOffsetMs)
        .tenant(tenant)
        .domain(domain)
        .proxySource(proxySource)
        .dnsSource(dnsSource)
        .clockSource(clockSource)
        .machine(machine)
        .addresses(addresses)
        .defaultInterface(defaultInterface)
        .catalogDate(catalogDate)
        .proxyDiscovery(proxyDiscovery);
  }

  /** Collects the environment field by field. */
  public static final class Builder {
    private @Nullable String proxy;
    private List<String> dnsServers = List.of();
    private @Nullable Long clockOffsetMs;
    private @Nullable TenantSummary tenant;
    private @Nullable DomainChoice domain;
    private @Nullable String proxySource;
    private @Nullable String dnsSource;
    private @Nullable String clockSource;
    private @Nullable String machine;
    private List<String> addresses = List.of();
    private @Nullable String defaultInterface;
    private @Nullable String catalogDate;
    private @Nullable ProxySourceSummary proxyDiscovery;

    private Builder() {}

    public Builder proxy(@Nullable String value) {
      proxy = value;
      return this;
    }

    public Builder dnsServers(List<String> value) {
      dnsServers = value;
      return this;
    }

    public Builder clockOffsetMs(@Nullable Long value) {
      clockOffsetMs = value;
      return this;
    }

    public Builder tenant(@Nullable TenantSummary value) {
      tenant = value;
      return this;
    }

    public Builder domain(@Nullable DomainChoice value) {
      domain = value;
      return this;
    }

    public Builder proxySource(@Nullable String value) {
      proxySource = value;
      return this;
    }

    public Builder dnsSource(@Nullable String value) {
      dnsSource = value;
      return this;
    }

    public Builder clockSource(@Nullable String value) {
      clockSource = value;
      return this;
    }

    public Builder machine(@Nullable String value) {
      machine = value;
      return this;
    }

    public Builder addresses(List<String> value) {
      addresses = value;
      return this;
    }

    public Builder defaultInterface(@Nullable String value) {
      defaultInterface = value;
      return this;
    }

    public Builder catalogDate(@Nullable String value) {
      catalogDate = value;
      return this;
    }

    public Builder proxyDiscovery(@Nullable ProxySourceSummary value) {
      proxyDiscovery = value;
      return this;
    }

    public Environment build() {
      return new Environment(
          proxy,
          dnsServers,
          clockOffsetMs,
          tenant,
          domain,
          proxySource,
          dnsSource,
          clockSource,
          machine,
          addresses,
          defaultInterface,
          catalogDate,
          proxyDiscovery);
    }
  }
}
