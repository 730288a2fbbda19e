package dev.preflight.verdict;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The network context a report was made in, as the JSON report's {@code environment} shows it. New
 * fields are added here and to the {@link Builder}; consumers ignore fields they do not know.
 *
 * @param proxy the proxy setting, credentials redacted, or null for none
 * @param dnsServers the DNS servers asked, as {@code host:port}
 * @param clockOffsetMs reference time minus local time, or null when unknown
 * @param tenant what tenant discovery learned ({@code --tenant}), or null without it
 * @param domain the Active Directory domain hybrid join used and its source, or null when none
 * @param proxySource where the routes came from and what that source found, or null (analyze)
 */
public record Environment(
    @Nullable String proxy,
    List<String> dnsServers,
    @Nullable Long clockOffsetMs,
    @Nullable TenantSummary tenant,
    @Nullable DomainChoice domain,
    @Nullable ProxySourceSummary proxySource) {
  public Environment {
    dnsServers = List.copyOf(dnsServers);
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
        .proxySource(proxySource);
  }

  /** Collects the environment field by field. */
  public static final class Builder {
    private @Nullable String proxy;
    private List<String> dnsServers = List.of();
    private @Nullable Long clockOffsetMs;
    private @Nullable TenantSummary tenant;
    private @Nullable DomainChoice domain;
    private @Nullable ProxySourceSummary proxySource;

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

    public Builder proxySource(@Nullable ProxySourceSummary value) {
      proxySource = value;
      return this;
    }

    public Environment build() {
      return new Environment(proxy, dnsServers, clockOffsetMs, tenant, domain, proxySource);
    }
  }
}
