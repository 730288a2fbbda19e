package dev.preflight.policy;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Source;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Catalog entries built in tests, shaped like the shipped catalog's. */
public final class TestEndpoints {
  private TestEndpoints() {}

  public static Endpoint https(String host) {
    return of(Protocol.HTTPS, host, null, 443, false);
  }

  public static Endpoint http(String host) {
    return of(Protocol.HTTP, host, null, 80, false);
  }

  public static Endpoint of(
      Protocol protocol,
      String host,
      @Nullable String wildcard,
      int port,
      boolean inspectionUnsupported) {
    return new Endpoint(
        protocol + "-" + host + "-" + port,
        "test-service",
        host,
        wildcard,
        protocol,
        List.of(port),
        protocol == Protocol.HTTP || protocol == Protocol.HTTPS ? "/" : null,
        Impact.BLOCKING,
        Set.of(Scenario.USER_DRIVEN),
        Set.of(),
        inspectionUnsupported,
        List.of(),
        Expectation.NONE,
        new Source("test", "2026-11-26"),
        null);
  }
}
