package dev.preflight.policy.pac;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Source;
import java.util.List;
import java.util.Set;

/** Catalog entries for evaluator tests. */
final class TestEndpoints {
  private TestEndpoints() {}

  static Endpoint https(String host) {
    return endpoint(host, Protocol.HTTPS, 443, "/");
  }

  static Endpoint endpoint(String host, Protocol protocol, int port, String path) {
    return new Endpoint(
        host.replace('.', '-'),
        "test-service",
        host,
        null,
        protocol,
        List.of(port),
        path,
        Impact.BLOCKING,
        Set.of(Scenario.USER_DRIVEN),
        Set.of(),
        false,
        List.of(),
        Expectation.NONE,
        new Source("test", "2026-11-26"),
        null);
  }
}
