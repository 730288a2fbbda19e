package dev.preflight.run;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import dev.preflight.verdict.EndpointResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the catalog and the run's settings into a {@link Plan}. Only entries the chosen scenarios
 * and TPM kind need are planned; the others are neither probed nor reported.
 *
 * <p>Hybrid-join entries carry placeholders. With {@code --domain}, {@code {domain}} is filled in,
 * the DNS entry for the DC locator record becomes the plan's {@link DcDiscovery}, and the {@code
 * {dc}} entries wait for the domain controllers it finds. Without {@code --domain} they are skipped
 * with a detail saying to pass it, and a report warning keeps the verdict from reading READY: the
 * options stay valid so the rest of a hybrid-join network can still be checked, but the run cannot
 * claim readiness it did not test.
 */
public final class Planner {
  private Planner() {}

  public static Plan plan(Catalog catalog, CheckSettings settings) {
    Set<String> warnings = new LinkedHashSet<>();
    List<ProbeTarget> targets = new ArrayList<>();
    List<EndpointResult> settled = new ArrayList<>();
    List<Endpoint> controllers = new ArrayList<>();
    ProbeTarget locator = null;
    String domain = settings.domain();
    for (Endpoint entry :
        catalog.select(new LinkedHashSet<>(settings.scenarios()), settings.tpm())) {
      boolean placeholder = Placeholders.hasDomain(entry) || Placeholders.hasDc(entry);
      if (placeholder && domain == null) {
        settled.add(EndpointResult.skip(entry, noDomainDetail()));
        warnings.add(noDomainWarning());
        continue;
      }
      Endpoint filled =
          domain == null ? entry : Placeholders.fill(entry, Placeholders.DOMAIN, domain);
      if (Placeholders.hasDc(filled)) {
        controllers.add(filled);
      } else if (placeholder && filled.protocol() == Protocol.DNS && locator == null) {
        locator = new ProbeTarget(filled, Route.DIRECT);
      } else {
        route(settings.routes(), filled, targets, settled, warnings);
      }
    }
    warnings.addAll(settings.routes().warnings());
    DcDiscovery discovery = null;
    if (locator != null) {
      discovery = new DcDiscovery(domain == null ? "" : domain, locator, controllers);
    } else {
      controllers.forEach(
          e -> settled.add(EndpointResult.skip(e, "The catalog has no DC locator entry.")));
    }
    return new Plan(targets, settled, discovery, List.copyOf(warnings));
  }

  private static void route(
      RouteSelector routes,
      Endpoint entry,
      List<ProbeTarget> targets,
      List<EndpointResult> settled,
      Set<String> warnings) {
    RouteChoice choice = Routes.choose(routes, entry);
    Route route = choice.route();
    String problem = unsupported(route, choice.problem());
    if (route == null || problem != null) {
      String detail = problem == null ? "No route could be chosen." : problem;
      settled.add(EndpointResult.skip(entry, detail).withRoute(route == null ? null : "" + route));
      warnings.add("Some endpoints were not probed: " + detail);
      return;
    }
    targets.add(new ProbeTarget(entry, route));
  }

  static @Nullable String unsupported(@Nullable Route route, @Nullable String problem) {
    if (problem != null || route == null) {
      return problem;
    }
    return switch (route.kind()) {
      case DIRECT, PROXY -> null;
      case HTTPS, SOCKS ->
          "The proxy configuration chose "
              + route
              + ", and preflight probes only DIRECT and PROXY (HTTP CONNECT) routes.";
    };
  }

  static String noDomainDetail() {
    return "Not checked: pass --domain with the Active Directory domain to find and probe its"
        + " domain controllers.";
  }

  static String noDomainWarning() {
    return "Hybrid join's domain-controller checks were skipped because no --domain was given.";
  }
}
