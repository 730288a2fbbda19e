package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** host:port with IPv6 literals in brackets, as RFC 3986 writes an authority. */
@Timeout(10)
class HostPortTest {
  @ParameterizedTest
  @CsvSource({
    "proxy.corp, proxy.corp:53",
    "proxy.corp:3128, proxy.corp:3128",
    "192.0.2.1:5353, 192.0.2.1:5353",
    "::1, '[::1]:53'",
    "'[::1]', '[::1]:53'",
    "'[2001:db8::53]:5353', '[2001:db8::53]:5353'"
  })
  void parsesWithADefaultPort(String text, String authority) {
    assertThat(HostPort.parse(text, 53))
        .hasValueSatisfying(h -> assertThat(h).hasToString(authority));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":53", "host:70000", "host:x", "[::1", "[::1]x", "[]:53"})
  void refusesWhatIsNoHostAndPort(String text) {
    assertThat(HostPort.parse(text, 53)).isEmpty();
  }

  @Test
  void portZeroIsLeftToTheCallerThatBinds() {
    assertThat(HostPort.parse("127.0.0.1:0", 9464)).contains(new HostPort("127.0.0.1", 0));
  }

  @Test
  void bracketsOnlyIpv6Literals() {
    assertThat(HostPort.bracketed("2001:db8::1")).isEqualTo("[2001:db8::1]");
    assertThat(HostPort.bracketed("[2001:db8::1]")).isEqualTo("[2001:db8::1]");
    assertThat(HostPort.bracketed("proxy.corp")).isEqualTo("proxy.corp");
    assertThat(HostPort.unbracketed("[::1]")).isEqualTo("::1");
    assertThat(HostPort.authority("::1", 3128)).isEqualTo("[::1]:3128");
    assertThat(new HostPort("[::1]", 80).host()).isEqualTo("::1");
  }
}
