package dev.preflight.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyAddressTest {
  @ParameterizedTest
  @CsvSource({
    "http://proxy.corp.example:8080, PROXY proxy.corp.example:8080",
    "http://Proxy.Example:3128/, PROXY proxy.example:3128",
    "http://192.0.2.10:3128, PROXY 192.0.2.10:3128",
    "'http://[2001:db8::1]:3128', 'PROXY [2001:db8::1]:3128'"
  })
  void acceptsHttpHostAndPort(String text, String directive) {
    assertThat(ProxyAddress.parse(text).pacDirective()).isEqualTo(directive);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy:8080",
        "https://proxy:8080",
        "http://proxy",
        "http://proxy:0",
        "http://proxy:70000",
        "http://user:pw@proxy:8080",
        "http://proxy:8080/path",
        "http://proxy:8080?q=1",
        "http://pro xy:8080",
        "http://pro_xy:8080",
        "http://:8080",
        ""
      })
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> ProxyAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://host:port");
  }
}
