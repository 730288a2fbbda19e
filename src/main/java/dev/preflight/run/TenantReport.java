package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Scenario;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Fact;
import dev.preflight.probe.HttpExchange;
import dev.preflight.probe.HttpResponse;
import dev.preflight.probe.ProbeResult;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.ProbeJudge;
import dev.preflight.verdict.Status;
import dev.preflight.verdict.TenantSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the answers of tenant discovery into findings: judges each request like a probe, reads its
 * answer, adds the hosts it names, and explains in a warning every answer it could not use.
 */
final class TenantReport {
  private static final String REALM = "realm discovery";
  private static final String MDM = "MDM discovery";

  /** S18: the enrollment CNAME targets that work (the -s one is preferred), worldwide and US. */
  private static final List<String> ENROLLMENT_TARGETS =
      List.of(
          "enterpriseenrollment-s.manage.microsoft.com",
          "enterpriseenrollment.manage.microsoft.com",
          "manage.microsoft.com",
          "enterpriseenrollment-s.manage.microsoft.us");

  private static final List<String> REGISTRATION_TARGETS =
      List.of("enterpriseregistration.windows.net");

  private final Tenant tenant;
  private final TenantEndpoints endpoints;
  private final CheckSettings settings;
  private final List<ProbeTarget> targets = new ArrayList<>();
  private final List<EndpointResult> settled = new ArrayList<>();
  private final Set<String> warnings = new LinkedHashSet<>();
  private final Map<String, String> provenance = new LinkedHashMap<>();
  private final List<TenantSummary.DiscoveredHost> hosts = new ArrayList<>();
  private @Nullable String namespaceType;
  private @Nullable OpenIdAnswer openId;

  TenantReport(Tenant tenant, TenantEndpoints endpoints, CheckSettings settings) {
    this.tenant = tenant;
    this.endpoints = endpoints;
    this.settings = settings;
  }

  /** The route for a tenant entry, or null (the entry skipped, with a warning). */
  @Nullable Route route(Endpoint endpoint) {
    RouteChoice choice = Routes.choose(settings.routes(), endpoint);
    String problem = Planner.unsupported(choice.route(), choice.problem());
    if (choice.route() == null || problem != null) {
      String detail = problem == null ? "No route could be chosen." : problem;
      settled.add(EndpointResult.skip(endpoint, detail));
      warnings.add("Some tenant discovery endpoints were not probed: " + detail);
      return null;
    }
    return choice.route();
  }

  void realm(Endpoint request, TenantDiscovery.@Nullable Exchanged exchanged) {
    boolean userSignsIn =
        settings.scenarios().contains(Scenario.USER_DRIVEN)
            || settings.scenarios().contains(Scenario.HYBRID_JOIN);
    HttpResponse response = answer(request, exchanged);
    String skipped = userSignsIn ? "tenant-identity-provider" : null;
    if (response == null) {
      unknown(skipped, "entra-id", "{identity-provider}", REALM, outcomeProblem(exchanged));
      return;
    }
    try {
      RealmAnswer realm = RealmAnswer.parse(response);
      namespaceType = realm.namespaceType();
      for (int i = 0; i < realm.identityProvider().size(); i++) {
        Endpoint idp = endpoints.identityProvider(i, realm.identityProvider().get(i));
        add(idp, REALM, "the domain is federated", userSignsIn);
      }
    } catch (DiscoveryProblem problem) {
      unknown(skipped, "entra-id", "{identity-provider}", REALM, problem.getMessage());
    }
  }

  void openId(Endpoint request, TenantDiscovery.@Nullable Exchanged exchanged) {
    HttpResponse response = answer(request, exchanged);
    if (response == null) {
      warnings.add(
          "The OpenID configuration of "
              + tenant.domain()
              + " could not be read ("
              + outcomeProblem(exchanged)
              + "), so its cloud is unknown.");
      return;
    }
    try {
      openId = OpenIdAnswer.parse(response, tenant.domain());
      String cloud = openId.cloudWarning(tenant.domain());
      if (cloud != null) {
        warnings.add(cloud);
      }
    } catch (DiscoveryProblem problem) {
      warnings.add(
          "The OpenID configuration of "
              + tenant.domain()
              + " could not be used: "
              + problem.getMessage()
              + ".");
    }
  }

  void mdm(Endpoint request, TenantDiscovery.@Nullable Exchanged exchanged) {
    HttpResponse response = answer(request, exchanged);
    String skipped = "tenant-enrollment-service";
    if (response == null) {
      unknown(skipped, "intune", "{enrollment-service}", MDM, outcomeProblem(exchanged));
      return;
    }
    try {
      List<DiscoveredUrl> services = MdmDiscoveryAnswer.parse(response).services();
      for (int i = 0; i < services.size(); i++) {
        add(endpoints.enrollmentService(i, services.get(i)), MDM, "Intune assigns it", true);
      }
    } catch (DiscoveryProblem problem) {
      unknown(skipped, "intune", "{enrollment-service}", MDM, problem.getMessage());
    }
  }

  void alias(Endpoint endpoint, @Nullable ProbeResult result) {
    if (result == null) {
      settled.add(EndpointResult.skip(endpoint, "The alias lookup did not finish in time."));
      warnings.add("Some tenant discovery requests did not finish in time and were not judged.");
      return;
    }
    EndpointResult judged = ProbeJudge.judge(result);
    String target = result.fact(Fact.CNAME_TARGET).orElse(null);
    if (!result.passed() || target == null) {
      settled.add(
          target == null && result.passed()
              ? judged.withDetail(
                  judged.detail()
                      + ": fine for Entra join and Autopilot, which find Intune through the"
                      + " tenant's MDM discovery URL.")
              : judged);
      return;
    }
    List<String> expected =
        endpoint.id().equals("tenant-enrollment-cname") ? ENROLLMENT_TARGETS : REGISTRATION_TARGETS;
    if (expected.contains(target)) {
      settled.add(judged);
      return;
    }
    String wanted = expected.get(0);
    settled.add(
        EndpointResult.problem(
                endpoint,
                Status.WARN,
                Cause.DNS_CNAME_MISMATCH,
                endpoint.host()
                    + " is an alias of "
                    + target
                    + ", not of "
                    + wanted
                    + ": devices that look the service up from a "
                    + tenant.domain()
                    + " address do not find it.")
            .withRemedy("Point " + endpoint.host() + " at " + wanted + " or delete the record.")
            .withRoute(judged.route())
            .withTimings(judged.timings()));
  }

  TenantFindings findings() {
    TenantSummary summary =
        new TenantSummary(
            tenant.domain(),
            openId == null ? null : openId.tenantId(),
            namespaceType,
            openId == null ? null : openId.cloudInstance(),
            openId == null ? null : openId.region(),
            hosts);
    return new TenantFindings(targets, settled, List.copyOf(warnings), summary, provenance);
  }

  /** Judges the request; returns its response when it passed, else null. */
  private @Nullable HttpResponse answer(
      Endpoint request, TenantDiscovery.@Nullable Exchanged exchanged) {
    HttpExchange.Outcome outcome = exchanged == null ? null : exchanged.outcome();
    if (exchanged == null) {
      settled.add(EndpointResult.skip(request, "The request did not finish in time."));
    }
    if (outcome == null) {
      return null;
    }
    settled.add(ProbeJudge.judge(outcome.result()));
    return outcome.response();
  }

  private static String outcomeProblem(TenantDiscovery.@Nullable Exchanged exchanged) {
    HttpExchange.Outcome outcome = exchanged == null ? null : exchanged.outcome();
    if (exchanged == null) {
      return "no answer in time";
    }
    if (outcome == null || outcome.result().failure() == null) {
      return "the request was not sent";
    }
    return "the request failed with " + outcome.result().failure().cause();
  }

  private void add(Endpoint endpoint, String discovery, String why, boolean probe) {
    TenantSummary.DiscoveredHost host =
        new TenantSummary.DiscoveredHost(endpoint.host(), discovery);
    if (!hosts.contains(host)) {
      hosts.add(host);
    }
    if (!probe) {
      return;
    }
    provenance.put(
        endpoint.id(),
        "("
            + endpoint.host()
            + " was found by "
            + discovery
            + " for "
            + tenant.domain()
            + ": "
            + why
            + ".)");
    Route route = route(endpoint);
    if (route != null) {
      targets.add(new ProbeTarget(endpoint, route));
    }
  }

  private void unknown(
      @Nullable String id, String service, String placeholder, String discovery, String reason) {
    if (id == null) {
      return; // nothing this run needs depends on the answer
    }
    String what = discovery.equals(REALM) ? "identity provider" : "enrollment service";
    warnings.add(
        "The "
            + discovery
            + " for "
            + tenant.domain()
            + " gave no usable answer ("
            + reason
            + "), so the tenant's "
            + what
            + " was not checked.");
    settled.add(
        EndpointResult.skip(
            endpoints.unknown(id, service, placeholder),
            "Not checked: the " + discovery + " gave no usable answer (" + reason + ")."));
  }
}
