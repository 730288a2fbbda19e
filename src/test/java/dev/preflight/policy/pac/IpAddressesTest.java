package dev.preflight.policy.pac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "192.0.2.1, 192.0.2.1",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "::, ::",
    "::1, ::1",
    "1::, 1::",
    "2001:DB8::1, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "::ffff:192.0.2.1, ::ffff:c000:201",
    "fe80::5efe:157.59.139.22, fe80::5efe:9d3b:8b16"
  })
  void literalIsParsedAndFormattedCanonically(String text, String canonical) {
    assertThat(IpAddresses.format(IpAddresses.parse(text))).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "192.0.2",
        "192.0.2.256",
        "192.0.2.1.5",
        "192.0.2.-1",
        "1234.0.0.1",
        "a.b.c.d",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::",
        "1:2:3:4:5:6:7",
        ":1:2:3:4:5:6:7",
        "::g",
        "fe80::1%eth0",
        "intranet"
      })
  void nonLiteralIsRejected(String text) {
    assertThat(IpAddresses.parse(text)).isNull();
  }
}
