package dev.preflight.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merged endpoint catalog: services, their entries, and the named root-CA sets entries refer
 * to. Immutable; order follows the catalog files.
 */
public record Catalog(
    List<Service> services, List<Endpoint> endpoints, Map<String, List<String>> rootSets) {

  public Catalog {
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    rootSets.forEach((name, roots) -> copy.put(name, List.copyOf(roots)));
    rootSets = java.util.Collections.unmodifiableMap(copy);
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Endpoint> endpoint(String id) {
    return endpoints.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The entries needed by any of {@code scenarios} on a device with {@code tpm}, in order. */
  public List<Endpoint> select(Set<Scenario> scenarios, Tpm tpm) {
    return endpoints.stream().filter(e -> e.selectedBy(scenarios, tpm)).toList();
  }
}
