package dev.preflight.policy.pac;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Source;
import java.util.List;
import java.util.Set;

/** Catalog entries for evaluator tests. */
final class TestEndpoints {
  private static final Source SOURCE = new Source("test", "2026-11-26");

  private TestEndpoints() {}

  static Endpoint https(String host) {
    return endpoint(host, Protocol.HTTPS, 443, "/");
  }

  static Endpoint endpoint(String host, Protocol protocol, int port, String path) {
    return endpoint(host, null, protocol, port, path);
  }

  /** An HTTPS entry standing in for {@code wildcard}. */
  static Endpoint wildcard(String host, String wildcard) {
    return endpoint(host, wildcard, Protocol.HTTPS, 443, "/");
  }

  private static Endpoint endpoint(
      String host, String wildcard, Protocol protocol, int port, String path) {
    String id = host.replace('.', '-');
    return Endpoint.builder(id, "test-service", host, protocol, List.of(port), SOURCE)
        .wildcard(wildcard)
        .path(path)
        .scenarios(Set.of(Scenario.USER_DRIVEN))
        .build();
  }
}
