package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one address parser: strict literals, RFC 5952 text, no name lookup ever. */
@Timeout(10)
class IpAddressTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "192.0.2.1, 192.0.2.1, IPv4",
    "0.0.0.0, 0.0.0.0, IPv4",
    "255.255.255.255, 255.255.255.255, IPv4",
    "::, ::, IPv6",
    "::1, ::1, IPv6",
    "1::, 1::, IPv6",
    "2001:DB8::1, 2001:db8::1, IPv6",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1, IPv6",
    "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1, IPv6",
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6, IPv6",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1, IPv6",
    "fe80:0:0:1:0:0:0:1, fe80:0:0:1::1, IPv6",
    "fe80::5efe:157.59.139.22, fe80::5efe:9d3b:8b16, IPv6"
  })
  void literalsParseToCanonicalText(String literal, String text, String family) {
    IpAddress address = IpAddress.tryParse(literal).orElseThrow();
    assertThat(address.text()).isEqualTo(text);
    assertThat(address).hasToString(text);
    assertThat(address.family()).hasToString(family);
    assertThat(IpAddress.parse(literal)).isEqualTo(address);
  }

  @ParameterizedTest
  @CsvSource({
    "::ffff:10.0.0.2, ::ffff:10.0.0.2",
    "::ffff:a00:2, ::ffff:10.0.0.2",
    "0:0:0:0:0:ffff:c000:201, ::ffff:192.0.2.1"
  })
  void ipv4MappedAddressesUseMixedNotationAsRfc5952Recommends(String literal, String text) {
    IpAddress mapped = IpAddress.tryParse(literal).orElseThrow();
    assertThat(mapped.text()).isEqualTo(text);
    assertThat(mapped.family()).isEqualTo(IpAddress.Family.IPV6);
    assertThat(mapped).isNotEqualTo(IpAddress.parse(text.substring(7)));
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
        "intranet",
        "example.com",
        "١٢٣.0.0.1"
      })
  void whatIsNoLiteralIsRefusedWithoutALookup(String text) {
    assertThat(IpAddress.tryParse(text)).isEmpty();
    assertThat(IpAddress.isLiteral(text)).isFalse();
    assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bracketsAreAcceptedAsInAUrlOnlyByParseAndIsLiteral() {
    assertThat(IpAddress.isLiteral("[::1]")).isTrue();
    assertThat(IpAddress.parse("[2001:db8::1]").text()).isEqualTo("2001:db8::1");
    assertThat(IpAddress.tryParse("[::1]")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, true",
    "127.0.0.1, true",
    "127.9.9.9, true",
    "169.254.10.1, true",
    "::, true",
    "::1, true",
    "fe80::1, true",
    "::ffff:127.0.0.1, true",
    "198.18.0.1, false",
    "131.107.255.255, false",
    "2001:db8::1, false",
    "::ffff:198.18.0.1, false"
  })
  void knowsSinkholeAddresses(String literal, boolean sinkhole) {
    assertThat(IpAddress.parse(literal).isSinkhole()).isEqualTo(sinkhole);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "127.255.0.9, true",
    "::1, true",
    "::ffff:127.0.0.1, true",
    "0.0.0.0, false",
    "::, false",
    "198.18.0.1, false",
    "fe80::1, false"
  })
  void knowsLoopbackAddresses(String literal, boolean loopback) {
    assertThat(IpAddress.parse(literal).isLoopback()).isEqualTo(loopback);
  }

  @Test
  void prefixesCompareLeadingBitsOfOneFamily() {
    IpAddress address = IpAddress.parse("10.20.30.40");
    assertThat(address.inPrefix(IpAddress.parse("10.20.0.0"), 16)).isTrue();
    assertThat(address.inPrefix(IpAddress.parse("10.21.0.0"), 16)).isFalse();
    assertThat(address.inPrefix(IpAddress.parse("::"), 0)).isFalse();
    assertThat(IpAddress.parse("2001:db8::7").inPrefix(IpAddress.parse("2001:db8::"), 32)).isTrue();
  }

  @Test
  void bytesRoundTripAndOrderIsFamilyThenNumber() {
    IpAddress v6 = IpAddress.parse("2001:db8::1");
    assertThat(IpAddress.of(v6.bytes())).isEqualTo(v6).hasSameHashCodeAs(v6);
    assertThat(IpAddress.parse("10.0.0.2")).isLessThan(IpAddress.parse("10.0.0.10"));
    assertThat(IpAddress.parse("255.255.255.255")).isLessThan(IpAddress.parse("::"));
    assertThatThrownBy(() -> IpAddress.of(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
