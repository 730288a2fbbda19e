package dev.preflight.policy;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Source;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Catalog entries built in tests, shaped like the shipped catalog's. */
public final class TestEndpoints {
  private static final Source SOURCE = new Source("test", "2026-11-26");

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
    String id = protocol + "-" + host + "-" + port;
    return Endpoint.builder(id, "test-service", host, protocol, List.of(port), SOURCE)
        .wildcard(wildcard)
        .path(protocol == Protocol.HTTP || protocol == Protocol.HTTPS ? "/" : null)
        .scenarios(Set.of(Scenario.USER_DRIVEN))
        .inspectionUnsupported(inspectionUnsupported)
        .build();
  }
}
