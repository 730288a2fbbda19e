package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
  @ParameterizedTest
  @CsvSource({
    "198.18.0.1, 198.18.0.1, IPv4",
    "2001:db8:0:0:0:0:0:1, 2001:db8::1, IPv6",
    "[::1], ::1, IPv6",
    "::, ::, IPv6",
    "fe80:0:0:1:0:0:0:1, fe80:0:0:1::1, IPv6",
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6, IPv6"
  })
  void parsesLiteralsToCanonicalText(String literal, String text, String family) {
    IpAddress address = IpAddress.parse(literal);
    assertThat(address.text()).isEqualTo(text);
    assertThat(address.family().toString()).isEqualTo(family);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "256.1.1.1", "1.2.3", "", "abc", "1.2.3.4.5", "::g"})
  void rejectsNamesWithoutLookingThemUp(String text) {
    assertThat(IpAddress.isLiteral(text)).isFalse();
    assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, true",
    "127.0.0.1, true",
    "127.9.9.9, true",
    "169.254.10.1, true",
    "::, true",
    "::1, true",
    "198.18.0.1, false",
    "131.107.255.255, false",
    "2001:db8::1, false"
  })
  void knowsSinkholeAddresses(String literal, boolean sinkhole) {
    assertThat(IpAddress.parse(literal).isSinkhole()).isEqualTo(sinkhole);
  }
}
