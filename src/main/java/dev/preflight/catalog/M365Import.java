package dev.preflight.catalog;

import java.util.List;

/**
 * The result of importing a Microsoft 365 endpoint list: services (one per service area) and
 * catalog entries (one per distinct host or pattern and protocol), both sorted, plus what could not
 * be imported.
 *
 * @param services the service areas that contributed entries, sorted by id
 * @param endpoints the entries, sorted by pattern then protocol
 * @param warnings one sentence per thing left out or changed (wide port ranges, non-NTP UDP,
 *     widened wildcards, sets without ports or names), in file order
 * @param setsRead how many endpoint sets the file holds
 * @param setsUsed how many passed the service-area and required filters
 */
public record M365Import(
    List<Service> services,
    List<Endpoint> endpoints,
    List<String> warnings,
    int setsRead,
    int setsUsed) {

  public M365Import {
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
    warnings = List.copyOf(warnings);
  }
}
