package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

@Timeout(60)
class ConvertersTest {
  @ParameterizedTest
  @CsvSource({"5s,5000", "500ms,500", "2m,120000", "1h,3600000", "PT5S,5000", "pt0.25s,250"})
  void durationsAcceptShortAndIsoForms(String text, long millis) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "-5s", "PT-1S", "5", "five", "5 s", "2h", "5sec", ""})
  void durationsRefuseZeroNegativeHugeAndUnknownUnits(String text) {
    assertThatThrownBy(() -> new DurationConverter().convert(text))
        .isInstanceOf(TypeConversionException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1,127.0.0.1,53",
    "127.0.0.1:5353,127.0.0.1,5353",
    "::1,0:0:0:0:0:0:0:1,53",
    "'[::1]:5353',0:0:0:0:0:0:0:1,5353",
    "[2001:db8::53],2001:db8:0:0:0:0:0:53,53"
  })
  void dnsServersAreAddressesWithOptionalPort(String text, String host, int port) {
    InetSocketAddress address = new HostPortConverter().convert(text);
    assertThat(address.isUnresolved()).isFalse();
    assertThat(address.getHostString()).isEqualTo(host);
    assertThat(address.getPort()).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"dns.example", "256.1.1.1", "127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:x", ""})
  void dnsServersRefuseNamesAndBadPorts(String text) {
    assertThatThrownBy(() -> new HostPortConverter().convert(text))
        .isInstanceOf(TypeConversionException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"corp.example", "ad.corp-1.example.com", "CORP.EXAMPLE."})
  void domainsAreDnsNames(String text) {
    assertThat(new DomainConverter().convert(text))
        .isEqualTo(text.toLowerCase().replaceAll("\\.$", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"corp example", "-corp.example", "corp..example", "c{orp}", "a/b", ""})
  void domainsRefuseWhatIsNoDnsName(String text) {
    assertThatThrownBy(() -> new DomainConverter().convert(text))
        .isInstanceOf(TypeConversionException.class);
  }
}
