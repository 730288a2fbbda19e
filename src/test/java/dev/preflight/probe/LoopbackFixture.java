package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Protocol;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.LoopbackConnector;
import dev.preflight.testing.TestCertificates;
import dev.preflight.testing.TestCertificates.Authority;
import dev.preflight.testing.TestEndpoints;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared set-up of probe tests: a DNS responder that sends {@link #HOST} to a benchmark
 * address, a connector that turns every such address into loopback, and a test root trusted as if
 * given with {@code --ca-file}.
 */
final class LoopbackFixture implements AutoCloseable {
  static final String HOST = "service.example.test";
  static final Authority ROOT = TestCertificates.root("CN=Preflight Test Root,O=Preflight Tests");

  final DnsTestServer dns = new DnsTestServer().answer(HOST, "198.18.0.20");
  final List<AutoCloseable> closing = new ArrayList<>();
  final RecordingListener listener = new RecordingListener();

  ProbeContext context(Duration timeout) {
    return context(timeout, List.of(ROOT.certificate()));
  }

  ProbeContext context(Duration timeout, List<X509Certificate> extraRoots) {
    return ProbeContext.system(timeout, extraRoots, dns.address())
        .withConnector(new LoopbackConnector())
        .withListener(listener);
  }

  <T extends AutoCloseable> T closeLater(T resource) {
    closing.add(resource);
    return resource;
  }

  static Endpoint endpoint(Protocol protocol, int port) {
    return TestEndpoints.of(HOST, protocol, port);
  }

  static Endpoint endpoint(Protocol protocol, int port, List<String> roots, Expectation expect) {
    return TestEndpoints.of(HOST, protocol, port, roots, expect);
  }

  static void assertFailure(ProbeResult result, Cause cause, Phase phase) {
    TcpProbeTest.assertFailure(result, cause, phase);
  }

  static void assertPassed(ProbeResult result) {
    assertThat(result.failure()).as("%s", result.failure()).isNull();
  }

  @Override
  public void close() {
    dns.close();
    for (AutoCloseable resource : closing) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
