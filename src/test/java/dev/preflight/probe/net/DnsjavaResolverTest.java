package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.common.IpAddress;
import dev.preflight.testing.DnsTestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsjavaResolverTest {
  @Test
  void aDeadFirstNameserverCostsOneSecondNotTheBudget() throws IOException {
    try (DnsTestServer dead =
            new DnsTestServer().mode("www.example.test", DnsTestServer.Mode.SILENT);
        DnsTestServer alive = new DnsTestServer().answer("www.example.test", "198.18.0.44")) {
      Resolver resolver = new DnsjavaResolver(List.of(dead.address(), alive.address()));
      long start = System.nanoTime();
      DnsAnswer answer = resolver.query("www.example.test", RecordType.A, Duration.ofSeconds(4));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(answer.addresses()).extracting(IpAddress::text).containsExactly("198.18.0.44");
      assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_500));
      assertThat(resolver.servers()).hasSize(2);
    }
  }

  @Test
  void soaAndSrvAnswersAreCounted() throws IOException {
    try (DnsTestServer dns =
        new DnsTestServer()
            .soa("zone.example.test")
            .srv("_ldap._tcp.example.test", "dc.example.test:389")) {
      Resolver resolver = new DnsjavaResolver(List.of(dns.address()));
      assertThat(
              resolver.query("zone.example.test", RecordType.SOA, Duration.ofSeconds(2)).records())
          .isEqualTo(1);
      assertThat(
              resolver
                  .query("_ldap._tcp.example.test", RecordType.SRV, Duration.ofSeconds(2))
                  .services())
          .containsExactly(new ServiceRecord("dc.example.test", 389, 0, 100));
    }
  }
}
