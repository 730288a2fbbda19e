package dev.preflight.testing;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Source;
import java.util.List;
import java.util.Set;

/** Catalog entries for tests: one host, one protocol, one (high loopback) port. */
public final class TestEndpoints {
  private TestEndpoints() {}

  public static Endpoint of(String host, Protocol protocol, int port) {
    return of(host, protocol, port, List.of(), Expectation.NONE);
  }

  public static Endpoint of(
      String host, Protocol protocol, int port, List<String> roots, Expectation expect) {
    return new Endpoint(
        protocol.id() + "-" + host,
        "test",
        host,
        null,
        protocol,
        List.of(port),
        protocol == Protocol.HTTP || protocol == Protocol.HTTPS ? "/" : null,
        Impact.BLOCKING,
        Set.of(Scenario.USER_DRIVEN),
        Set.of(),
        false,
        roots,
        expect,
        new Source("test", "2026-01-01"),
        null);
  }

  public static Endpoint withPath(Endpoint endpoint, String path) {
    return new Endpoint(
        endpoint.id(),
        endpoint.service(),
        endpoint.host(),
        endpoint.wildcard(),
        endpoint.protocol(),
        endpoint.ports(),
        path,
        endpoint.impact(),
        endpoint.scenarios(),
        endpoint.tpms(),
        endpoint.inspectionUnsupported(),
        endpoint.roots(),
        endpoint.expect(),
        endpoint.source(),
        endpoint.note());
  }
}
