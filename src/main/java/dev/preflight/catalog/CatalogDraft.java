package dev.preflight.catalog;

import java.util.List;

/** Everything one catalog file defines, in file order, before files are merged. */
record CatalogDraft(
    String source,
    List<RootSetDraft> rootSets,
    List<ServiceDraft> services,
    List<EndpointDraft> endpoints) {
  CatalogDraft {
    rootSets = List.copyOf(rootSets);
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
  }
}
