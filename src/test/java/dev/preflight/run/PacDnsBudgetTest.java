package dev.preflight.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.RecordType;
import dev.preflight.probe.net.Resolver;
import dev.preflight.probe.net.SharedResolver;
import dev.preflight.testing.DnsTestServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The PAC script's DNS helpers ask through the run's resolver, within one budget. */
@Timeout(30)
class PacDnsBudgetTest {
  private final DnsTestServer dns = new DnsTestServer();
  private final SharedResolver run = SharedResolver.over(Resolver.system(dns.address()));

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  void theScriptsLookupsAreTheRunsQuestions() throws IOException {
    dns.answer("proxy.example.test", "198.18.0.40", "2001:2::40");
    PacDnsBudget budget = new PacDnsBudget(run, Duration.ofSeconds(3));

    assertThat(budget.lookup("proxy.example.test")).containsExactly("198.18.0.40", "2001:2::40");
    DnsAnswer probe = run.query("proxy.example.test", RecordType.A, Duration.ofSeconds(3));

    assertThat(probe.addresses()).hasSize(1);
    assertThat(dns.queries("proxy.example.test", "A")).isEqualTo(1);
    assertThat(dns.queries("proxy.example.test", "AAAA")).isEqualTo(1);
  }

  @Test
  void aSilentResolverCostsTheBudgetOnceThenEveryNameIsUnresolvable() {
    dns.mode("first.example.test", DnsTestServer.Mode.SILENT);
    dns.answer("second.example.test", "198.18.0.41");
    PacDnsBudget budget = new PacDnsBudget(run, Duration.ofMillis(500));

    assertThat(budget.lookup("first.example.test")).isEmpty();
    assertThat(budget.lookup("second.example.test")).isEmpty();
    assertThat(budget.exhausted()).isTrue();
    assertThat(dns.queries("second.example.test", "A")).isZero();
  }
}
