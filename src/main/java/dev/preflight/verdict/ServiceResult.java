package dev.preflight.verdict;

import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Service;
import java.util.List;
import java.util.Objects;

/**
 * One service's judged endpoints. Its impact is BLOCKING when any of its judged entries is
 * blocking; its status is the worst status of its endpoints (SKIP only when all are skipped).
 */
public record ServiceResult(
    Service service, Impact impact, Status status, List<EndpointResult> endpoints) {
  public ServiceResult {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(status, "status");
    endpoints = List.copyOf(endpoints);
  }
}
