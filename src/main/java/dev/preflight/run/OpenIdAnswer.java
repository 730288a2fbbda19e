package dev.preflight.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.probe.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's OpenID Connect metadata ({@code GET
 * https://login.microsoftonline.com/TENANT/v2.0/.well-known/openid-configuration}): its tenant id
 * (in the issuer), its cloud instance and its region.
 *
 * @param tenantId the tenant's id from the issuer URL, or null when the issuer has none
 * @param cloudInstance {@code cloud_instance_name} ({@code microsoftonline.com} for the worldwide
 *     cloud)
 * @param region {@code tenant_region_scope}, with {@code tenant_region_sub_scope} after a slash
 *     when present; null when the answer has none
 */
record OpenIdAnswer(@Nullable String tenantId, String cloudInstance, @Nullable String region) {
  private static final Pattern TENANT_ID =
      Pattern.compile(
          "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/");

  /** The cloud a tenant lives in, from its cloud instance name. */
  enum Cloud {
    WORLDWIDE,
    US_GOVERNMENT,
    CHINA,
    OTHER
  }

  static OpenIdAnswer parse(HttpResponse response, String domain) throws DiscoveryProblem {
    if (response.status() == 400 || response.status() == 404) {
      throw new DiscoveryProblem(
          "Entra ID does not know a tenant for " + domain + " (HTTP " + response.status() + ")");
    }
    JsonNode json = DiscoveryJson.object(response, "the OpenID configuration");
    String cloud = DiscoveryJson.text(json, "cloud_instance_name");
    if (cloud == null) {
      throw new DiscoveryProblem("the OpenID configuration has no cloud_instance_name");
    }
    String issuer = DiscoveryJson.text(json, "issuer");
    Matcher id = TENANT_ID.matcher(issuer == null ? "" : issuer + "/");
    String scope = DiscoveryJson.text(json, "tenant_region_scope");
    String subScope = DiscoveryJson.text(json, "tenant_region_sub_scope");
    String region =
        scope == null ? null : DiscoveryJson.word(scope + (subScope == null ? "" : "/" + subScope));
    return new OpenIdAnswer(
        id.find() ? id.group(1).toLowerCase(Locale.ROOT) : null,
        DiscoveryJson.word(cloud.toLowerCase(Locale.ROOT)),
        region);
  }

  Cloud cloud() {
    return switch (cloudInstance) {
      case "microsoftonline.com" -> Cloud.WORLDWIDE;
      case "microsoftonline.us" -> Cloud.US_GOVERNMENT;
      case "partner.microsoftonline.cn", "chinacloudapi.cn" -> Cloud.CHINA;
      default -> Cloud.OTHER;
    };
  }

  /**
   * The warning for a tenant outside the worldwide cloud, naming the hosts that differ (US
   * Government: "US government endpoints for Microsoft Intune", 2025-08-11; China: "National
   * clouds" of the Microsoft identity platform); null for a worldwide tenant.
   */
  @Nullable String cloudWarning(String domain) {
    String start =
        "The tenant of "
            + domain
            + " is in the %s (cloud instance "
            + cloudInstance
            + "), and the shipped catalog describes the worldwide cloud: ";
    return switch (cloud()) {
      case WORLDWIDE -> null;
      case US_GOVERNMENT ->
          start.formatted("US Government cloud")
              + "its devices sign in at login.microsoftonline.us instead of"
              + " login.microsoftonline.com, enroll with *.manage.microsoft.us instead of"
              + " *.manage.microsoft.com, register at enterpriseregistration.microsoftonline.us"
              + " instead of enterpriseregistration.windows.net and use graph.microsoft.us instead"
              + " of graph.microsoft.com; check those hosts with a --catalog file.";
      case CHINA ->
          start.formatted("cloud operated by 21Vianet in China")
              + "its devices sign in at login.chinacloudapi.cn instead of"
              + " login.microsoftonline.com and use microsoftgraph.chinacloudapi.cn instead of"
              + " graph.microsoft.com, and its Intune hosts are not in the catalog; check them with"
              + " a --catalog file.";
      case OTHER ->
          start.formatted("a cloud other than the worldwide one")
              + "its sign-in, registration and enrollment hosts differ from the catalog's.";
    };
  }
}
