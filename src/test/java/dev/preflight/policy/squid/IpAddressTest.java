package dev.preflight.policy.squid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
  @Test
  void parsesIpv4() {
    assertThat(IpAddress.parse("10.1.2.3"))
        .contains(new IpAddress(false, BigInteger.valueOf(0x0a010203L)));
  }

  @Test
  void parsesIpv6WithGapAndEmbeddedIpv4() {
    assertThat(IpAddress.parse("::ffff:10.1.2.3"))
        .contains(new IpAddress(true, BigInteger.valueOf(0xffff0a010203L)));
    assertThat(IpAddress.parse("2001:db8::1").orElseThrow().value())
        .isEqualTo(new BigInteger("20010db8000000000000000000000001", 16));
    assertThat(IpAddress.parse("[::1]").orElseThrow().value()).isEqualTo(BigInteger.ONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10.1.2",
        "10.1.2.256",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "host.example",
        "12345::"
      })
  void rejectsWhatIsNotAnAddress(String text) {
    assertThat(IpAddress.parse(text)).isEmpty();
  }
}
