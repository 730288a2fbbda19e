package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.IpAddress;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fallback used when no nameserver is configured; only names from the hosts file are asked. */
@Timeout(60)
class JdkResolverTest {
  private final JdkResolver resolver = new JdkResolver();

  @Test
  void resolvesFromTheHostsFileWithinTheTimeout() throws IOException {
    DnsAnswer answer = resolver.query("localhost", RecordType.A, Duration.ofSeconds(2));
    assertThat(answer.rcode()).isEqualTo(DnsAnswer.Rcode.NOERROR);
    assertThat(answer.addresses()).extracting(IpAddress::text).contains("127.0.0.1");
  }

  @Test
  void cannotAskForSrvRecords() {
    assertThatThrownBy(
            () -> resolver.query("_ldap._tcp.example.test", RecordType.SRV, Duration.ofSeconds(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("SRV");
  }

  @Test
  void noTimeLeftIsATimeoutWithoutAsking() {
    assertThatThrownBy(() -> resolver.query("localhost", RecordType.A, Duration.ZERO))
        .isInstanceOf(SocketTimeoutException.class);
  }
}
