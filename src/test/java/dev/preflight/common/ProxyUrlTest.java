package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one proxy parser of {@code check --proxy}, the proxy variables and {@code export --proxy}.
 */
@Timeout(10)
class ProxyUrlTest {
  @ParameterizedTest
  @CsvSource({
    "http://proxy.corp:3128, proxy.corp:3128",
    "proxy.corp:8080, proxy.corp:8080",
    "proxy.corp, proxy.corp:80",
    "http://proxy.corp, proxy.corp:80",
    "http://Proxy.Example:3128/, proxy.example:3128",
    "HTTP://127.0.0.1:3128, 127.0.0.1:3128",
    "'http://[::1]:3128', '[::1]:3128'",
    "'[2001:db8::1]:8080', '[2001:db8::1]:8080'"
  })
  void httpProxiesParseToHostAndPort(String text, String authority) {
    HostPort proxy = ProxyUrl.parse("--proxy", text);
    assertThat(proxy).hasToString(authority);
    assertThat(proxy.host()).doesNotContain("[");
  }

  @Test
  void credentialsAreRefusedWithThePasswordRedacted() {
    assertThatThrownBy(() -> ProxyUrl.parse("--proxy", "http://alice:s3cret@proxy:3128"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--proxy: ")
        .hasMessageContaining("never sends proxy credentials")
        .hasMessageContaining("OOBE")
        .message()
        .contains("http://alice:***@proxy:3128")
        .doesNotContain("s3cret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://proxy:3128",
        "socks5://proxy:1080",
        "http://proxy:3128/path",
        "http://proxy:8080?q=1",
        "http://:3128",
        "http://proxy:99999",
        "http://proxy:0",
        "http://pro xy:8080",
        "not a url",
        ""
      })
  void otherProxyFormsAreRefusedNamingTheSource(String text) {
    assertThatThrownBy(() -> ProxyUrl.parse("HTTPS_PROXY", text))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("HTTPS_PROXY: ");
  }
}
