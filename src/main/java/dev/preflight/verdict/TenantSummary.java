package dev.preflight.verdict;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What tenant discovery learned about the customer's Entra tenant, for the report's environment.
 *
 * @param name the tenant domain the run was asked about
 * @param tenantId the tenant's id, or null when the OpenID configuration did not give it
 * @param namespaceType {@code Managed}, {@code Federated} or {@code Unknown} (realm discovery), or
 *     null when realm discovery gave no answer
 * @param cloudInstance the cloud instance name ({@code microsoftonline.com} for the worldwide
 *     cloud), or null when unknown
 * @param region the tenant's region scope, or null when unknown
 * @param discoveredHosts every host discovery added to the check, each with where it came from
 */
public record TenantSummary(
    String name,
    @Nullable String tenantId,
    @Nullable String namespaceType,
    @Nullable String cloudInstance,
    @Nullable String region,
    List<DiscoveredHost> discoveredHosts) {
  /**
   * A host found by discovery.
   *
   * @param host the host name
   * @param discoveredBy the discovery that named it ({@code realm discovery}, {@code MDM
   *     discovery})
   */
  public record DiscoveredHost(String host, String discoveredBy) {
    public DiscoveredHost {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(discoveredBy, "discoveredBy");
    }
  }

  public TenantSummary {
    Objects.requireNonNull(name, "name");
    discoveredHosts = List.copyOf(discoveredHosts);
  }
}
