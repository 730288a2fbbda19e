package dev.preflight.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Probes;
import dev.preflight.probe.Route;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.TestEndpoints;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DNS answers are shared within a run and never carried into the next one. */
@Timeout(30)
class SystemCheckTest {
  private static final ProbeTarget TARGET =
      new ProbeTarget(TestEndpoints.of("login.example.test", Protocol.DNS, 53), Route.DIRECT);

  private final DnsTestServer dns = new DnsTestServer().answer("login.example.test", "198.18.0.50");

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  void aNextRunAsksAgainWhatTheLastOneLearned() {
    ProbeContext first = ProbeContext.system(Duration.ofSeconds(2), List.of(), dns.address());
    Probes.run(TARGET, first);
    Probes.run(TARGET, first);
    assertThat(dns.queries("login.example.test", "A")).isEqualTo(1);

    dns.answer("login.example.test", "198.18.0.51");
    ProbeContext next = SystemCheck.nextRun(first);
    assertThat(Probes.run(TARGET, next).facts().get(dev.preflight.probe.Fact.ADDRESSES))
        .isEqualTo("198.18.0.51");
    assertThat(dns.queries("login.example.test", "A")).isEqualTo(2);
    assertThat(next.resolver().servers()).isEqualTo(first.resolver().servers());
  }
}
