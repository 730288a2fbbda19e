package dev.preflight.testing;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Source;
import java.util.List;
import java.util.Set;

/** Catalog entries for tests: one host, one protocol, one (high loopback) port. */
public final class TestEndpoints {
  private static final Source SOURCE = new Source("test", "2026-01-01");

  private TestEndpoints() {}

  public static Endpoint of(String host, Protocol protocol, int port) {
    return of(host, protocol, port, List.of(), Expectation.NONE);
  }

  public static Endpoint of(
      String host, Protocol protocol, int port, List<String> roots, Expectation expect) {
    String id = protocol.id() + "-" + host;
    return Endpoint.builder(id, "test", host, protocol, List.of(port), SOURCE)
        .path(protocol == Protocol.HTTP || protocol == Protocol.HTTPS ? "/" : null)
        .scenarios(Set.of(Scenario.USER_DRIVEN))
        .roots(roots)
        .expect(expect)
        .build();
  }

  public static Endpoint withPath(Endpoint endpoint, String path) {
    return endpoint.toBuilder().path(path).build();
  }

  /**
   * The same entry over plain HTTP on a loopback test server's {@code port}, so that its id, host
   * and path stay: the server stands in for the entry's real HTTPS host.
   */
  public static Endpoint overPlainHttp(Endpoint endpoint, int port) {
    return endpoint.toBuilder()
        .protocol(Protocol.HTTP)
        .ports(List.of(port))
        .inspectionUnsupported(false)
        .roots(List.of())
        .build();
  }
}
