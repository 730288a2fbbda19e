package dev.preflight.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.probe.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entra ID's home-realm discovery answer for a user name ({@code GET
 * https://login.microsoftonline.com/common/userrealm/USER?api-version=1.0}, the request MSAL sends;
 * see docs/tenant-discovery.md): whether the domain is managed by Entra ID or federated with an
 * identity provider of the customer's own, and where that provider signs users in.
 *
 * @param namespaceType {@code Managed}, {@code Federated} or {@code Unknown}, as Entra ID spells it
 * @param cloudInstance the cloud instance name, or null when the answer has none
 * @param identityProvider the provider's URLs, one per host (the metadata URL, which answers a GET,
 *     before the active sign-in URL); empty unless federated
 */
record RealmAnswer(
    String namespaceType, @Nullable String cloudInstance, List<DiscoveredUrl> identityProvider) {
  RealmAnswer {
    identityProvider = List.copyOf(identityProvider);
  }

  boolean federated() {
    return "Federated".equalsIgnoreCase(namespaceType);
  }

  static RealmAnswer parse(HttpResponse response) throws DiscoveryProblem {
    JsonNode json = DiscoveryJson.object(response, "realm discovery");
    String type = DiscoveryJson.text(json, "account_type");
    if (type == null) {
      throw new DiscoveryProblem("the realm discovery answer has no account_type");
    }
    List<DiscoveredUrl> provider = new ArrayList<>();
    if ("Federated".equalsIgnoreCase(type)) {
      for (String field : List.of("federation_metadata_url", "federation_active_auth_url")) {
        String url = DiscoveryJson.text(json, field);
        if (url != null) {
          DiscoveredUrl parsed = DiscoveredUrl.parse(url, "the identity provider's " + field);
          if (provider.stream().noneMatch(p -> p.host().equals(parsed.host()))) {
            provider.add(parsed);
          }
        }
      }
      if (provider.isEmpty()) {
        throw new DiscoveryProblem(
            "the domain is federated but the answer names no identity provider");
      }
    }
    return new RealmAnswer(
        DiscoveryJson.word(type), DiscoveryJson.text(json, "cloud_instance_name"), provider);
  }
}
