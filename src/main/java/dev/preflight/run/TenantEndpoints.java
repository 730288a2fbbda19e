package dev.preflight.run;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Source;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entries tenant discovery adds to a check: the discovery requests themselves, the tenant
 * domain's enrollment aliases, and the hosts the answers name. A request to a host the catalog
 * knows takes that entry's service, TLS roots and inspection rule, so it is judged as the catalog
 * judges the host.
 */
final class TenantEndpoints {
  static final String LOGIN = "login.microsoftonline.com";
  static final String MDM_DISCOVERY = "enrollment.manage.microsoft.com";
  private static final String DOCS = "docs/tenant-discovery.md";

  private final Catalog catalog;
  private final Tenant tenant;
  private final Source source;

  /**
   * @param date the day of the run: discovered entries are sourced to the discovery that found them
   */
  TenantEndpoints(Catalog catalog, Tenant tenant, String date) {
    this.catalog = catalog;
    this.tenant = tenant;
    this.source = new Source(DOCS + " (discovery for " + tenant.domain() + ")", date);
  }

  Endpoint realm() {
    String user = URLEncoder.encode(tenant.userName(), StandardCharsets.UTF_8);
    return request(
        "tenant-realm-discovery",
        "login-microsoftonline",
        "entra-id",
        LOGIN,
        "/common/userrealm/" + user + "?api-version=1.0",
        "Realm discovery: whether sign-in for this domain stays with Entra ID or goes to the"
            + " customer's own identity provider.");
  }

  Endpoint openIdConfiguration() {
    return request(
        "tenant-openid-configuration",
        "login-microsoftonline",
        "entra-id",
        LOGIN,
        "/" + tenant.domain() + "/v2.0/.well-known/openid-configuration",
        "The tenant's OpenID Connect metadata: its id, cloud instance and region.");
  }

  Endpoint mdmDiscovery() {
    return request(
        "tenant-mdm-discovery",
        "intune-mdm-discovery",
        "intune",
        MDM_DISCOVERY,
        "/EnrollmentServer/Discovery.svc",
        "MDM discovery (MS-MDE2): the enrollment service Intune assigns to this tenant's users.");
  }

  Endpoint enrollmentAlias() {
    return alias("tenant-enrollment-cname", "intune", "enterpriseenrollment.");
  }

  Endpoint registrationAlias() {
    return alias("tenant-registration-cname", "entra-id", "enterpriseregistration.");
  }

  /** The customer's identity provider, which users sign in at during user-driven OOBE. */
  Endpoint identityProvider(int index, DiscoveredUrl url) {
    return discovered(
        "tenant-identity-provider" + (index == 0 ? "" : "-" + (index + 1)),
        "entra-id",
        url,
        EnumSet.of(Scenario.USER_DRIVEN, Scenario.HYBRID_JOIN),
        List.of(),
        false,
        "The federated domain's identity provider, named by realm discovery; users sign in there"
            + " during OOBE.");
  }

  /** The tenant's enrollment (or enrollment policy) service, named by MDM discovery. */
  Endpoint enrollmentService(int index, DiscoveredUrl url) {
    Endpoint template = template("intune-mdm-discovery", "intune");
    return discovered(
        index == 0 ? "tenant-enrollment-service" : "tenant-enrollment-policy-service",
        template.service(),
        url,
        EnumSet.allOf(Scenario.class),
        template.roots(),
        true,
        "The tenant's enrollment service, named by MDM discovery; every device enrolls there.");
  }

  /** A placeholder entry, skipped, for hosts a failed discovery could not name. */
  Endpoint unknown(String id, String service, String placeholder) {
    return discovered(
        id,
        service,
        new DiscoveredUrl(placeholder, 443, "/"),
        EnumSet.allOf(Scenario.class),
        List.of(),
        false,
        null);
  }

  private Endpoint request(
      String id, String templateId, String service, String host, String path, String note) {
    Endpoint template = template(templateId, service);
    return Endpoint.builder(id, template.service(), host, Protocol.HTTPS, List.of(443), source)
        .path(path)
        .inspectionUnsupported(template.inspectionUnsupported())
        .roots(template.roots())
        .note(note)
        .build();
  }

  private Endpoint alias(String id, String service, String prefix) {
    return Endpoint.builder(
            id, service, prefix + tenant.domain(), Protocol.DNS, List.of(53), source)
        .impact(Impact.DEGRADED)
        .note(
            "An alias for devices that find the service from the user's e-mail domain; absent is fine"
                + " for Entra join and Autopilot.")
        .build();
  }

  private Endpoint discovered(
      String id,
      String service,
      DiscoveredUrl url,
      Set<Scenario> scenarios,
      List<String> roots,
      boolean inspectionUnsupported,
      @Nullable String note) {
    return Endpoint.builder(id, service, url.host(), Protocol.HTTPS, List.of(url.port()), source)
        .path(url.path())
        .scenarios(scenarios)
        .inspectionUnsupported(inspectionUnsupported)
        .roots(roots)
        .note(note)
        .build();
  }

  private Endpoint template(String id, String service) {
    return catalog
        .endpoint(id)
        .orElse(Endpoint.builder(id, service, LOGIN, Protocol.HTTPS, List.of(443), source).build());
  }
}
