package dev.preflight.probe;

import static dev.preflight.probe.TcpProbeTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.RecordType;
import dev.preflight.probe.net.Resolver;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A resolver that ignores its timeout cannot hold a probe past the deadline. */
@Timeout(60)
class HangingResolverTest {
  private static final Resolver HANGING =
      new Resolver() {
        @Override
        public DnsAnswer query(String name, RecordType type, Duration timeout) {
          try {
            Thread.sleep(Duration.ofSeconds(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return DnsAnswer.of(DnsAnswer.Rcode.NOERROR);
        }

        @Override
        public List<String> servers() {
          return List.of("hanging");
        }
      };

  @Test
  void lookupIsAbandonedAtTheDeadline() {
    ProbeContext context =
        ProbeContext.system(Duration.ofMillis(500), List.of(), null).withResolver(HANGING);
    long start = System.nanoTime();
    ProbeResult result =
        Probes.run(
            new ProbeTarget(TestEndpoints.of("slow.example.test", Protocol.TCP, 1), Route.DIRECT),
            context);
    assertFailure(result, Cause.DNS_TIMEOUT, Phase.RESOLVE);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }
}
