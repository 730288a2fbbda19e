package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Service;
import dev.preflight.catalog.Tpm;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a catalog listing shows: the chosen entries, in catalog order, with the selection that chose
 * them and the catalog they come from.
 */
record CatalogView(Catalog catalog, List<Scenario> scenarios, Tpm tpm, List<Endpoint> endpoints) {
  CatalogView {
    scenarios = List.copyOf(scenarios);
    endpoints = List.copyOf(endpoints);
  }

  /** The services of the shown entries, in catalog order. */
  List<Service> services() {
    Set<String> used = endpoints.stream().map(Endpoint::service).collect(Collectors.toSet());
    return catalog.services().stream().filter(s -> used.contains(s.id())).toList();
  }

  List<Endpoint> endpointsOf(Service service) {
    return endpoints.stream().filter(e -> e.service().equals(service.id())).toList();
  }

  Service serviceOf(Endpoint endpoint) {
    return catalog.service(endpoint.service()).orElseThrow();
  }
}
