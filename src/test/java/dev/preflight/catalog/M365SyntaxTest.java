package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The web service's port lists and CIDR blocks. */
@Timeout(60)
class M365SyntaxTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "80,443          | [80, 443]",
        "443, 80         | [443, 80]",
        "3478-3481       | [3478-3481]",
        "443,8000-8002   | [443, 8000-8002]",
        "1-65535         | [1-65535]",
        "5-5             | [5]"
      })
  void portListsAndRangesParse(String text, String ranges) {
    assertThat(M365PortRange.parseList(text).toString()).isEqualTo(ranges);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "80,", ",443", "0", "65536", "80-", "-80", "443-80", "1-2-3", "eighty", "+80", "1e3"
      })
  void badPortListsAreRejectedNamingTheItem(String text) {
    assertThatThrownBy(() -> M365PortRange.parseList(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad port '");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20.190.128.0/18",
        "0.0.0.0/0",
        "2603:1006:2000::/48",
        "2620:1ec:c::10/128",
        "::/0",
        "fe80::1/64",
        "2001:db8:0:0:0:0:0:1/128",
        "::ffff:192.0.2.1/128"
      })
  void validCidrBlocks(String cidr) {
    assertThat(M365Cidr.isValid(cidr)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20.190.128.0",
        "20.190.128.0/33",
        "256.0.0.0/8",
        "1.2.3/24",
        "1.2.3.4.5/32",
        "2603:1006::1::/48",
        "2603:1006:2000::/129",
        "2001:db8:0:0:0:0:0:0:1/128",
        "2001:db8:0:0:0:0:1/128",
        "gggg::/16",
        "10.0.0.0/8/8",
        "10.0.0.0/",
        "example.com/24"
      })
  void invalidCidrBlocks(String cidr) {
    assertThat(M365Cidr.isValid(cidr)).isFalse();
  }
}
