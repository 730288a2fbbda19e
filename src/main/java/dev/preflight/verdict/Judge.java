package dev.preflight.verdict;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns judged endpoints into services and a verdict. Pure: no I/O, no clock.
 *
 * <p>The verdict is decided by consequence: what each endpoint's result does to the deployment
 * ({@link Consequences}, where every rule gives its reason), and the report's warnings.
 */
public final class Judge {
  private Judge() {}

  /** Assembles the report; services keep catalog order, and within them failures come first. */
  public static Report judge(
      Report.Mode mode,
      String toolVersion,
      Catalog catalog,
      List<Scenario> scenarios,
      List<EndpointResult> results,
      Environment environment,
      List<String> warnings,
      Instant startedAt,
      Duration duration) {
    List<ServiceResult> services = groupByService(catalog, results);
    Verdict verdict = verdictOf(results, warnings);
    return new Report(
        mode,
        toolVersion,
        startedAt,
        duration,
        scenarios,
        verdict,
        environment,
        warnings,
        services);
  }

  /**
   * The overall verdict: the worst consequence of any endpoint ({@link Consequences}), and at least
   * DEGRADED when a report-level warning was raised (the contract: "or a warning was raised"; a
   * warning says something could not be judged or modelled, so READY would claim too much).
   */
  public static Verdict verdictOf(List<EndpointResult> results, List<String> warnings) {
    Verdict verdict = warnings.isEmpty() ? Verdict.READY : Verdict.DEGRADED;
    for (EndpointResult result : results) {
      verdict = worse(verdict, Consequences.of(result));
    }
    return verdict;
  }

  private static Verdict worse(Verdict a, Verdict b) {
    return b.ordinal() > a.ordinal() ? b : a;
  }

  private static List<ServiceResult> groupByService(Catalog catalog, List<EndpointResult> results) {
    Map<String, List<EndpointResult>> byService = new LinkedHashMap<>();
    catalog.services().forEach(s -> byService.put(s.id(), new ArrayList<>()));
    for (EndpointResult result : results) {
      byService.computeIfAbsent(result.endpoint().service(), k -> new ArrayList<>()).add(result);
    }
    List<ServiceResult> services = new ArrayList<>();
    byService.forEach(
        (id, endpoints) -> {
          if (!endpoints.isEmpty()) {
            Service service = catalog.service(id).orElse(new Service(id, id, ""));
            services.add(serviceResult(service, endpoints));
          }
        });
    return services;
  }

  private static ServiceResult serviceResult(Service service, List<EndpointResult> endpoints) {
    List<EndpointResult> ordered =
        endpoints.stream().sorted(Comparator.comparingInt(Judge::severity).reversed()).toList();
    Impact impact =
        endpoints.stream().anyMatch(e -> e.endpoint().impact() == Impact.BLOCKING)
            ? Impact.BLOCKING
            : Impact.DEGRADED;
    return new ServiceResult(service, impact, statusOf(endpoints), ordered);
  }

  /** The worst status among the endpoints; SKIP only when every endpoint is skipped. */
  static Status statusOf(List<EndpointResult> endpoints) {
    Status worst = Status.SKIP;
    for (EndpointResult e : endpoints) {
      if (e.status() != Status.SKIP && (worst == Status.SKIP || severity(e) > rank(worst))) {
        worst = e.status();
      }
    }
    return worst;
  }

  private static int severity(EndpointResult result) {
    return rank(result.status());
  }

  private static int rank(Status status) {
    return switch (status) {
      case SKIP -> 0;
      case PASS -> 1;
      case WARN -> 2;
      case FAIL -> 3;
    };
  }
}
