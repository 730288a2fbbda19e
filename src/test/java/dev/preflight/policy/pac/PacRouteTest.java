package dev.preflight.policy.pac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class PacRouteTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          DIRECT                       | DIRECT
          direct                       | DIRECT
          '  DIRECT  '                 | DIRECT
          PROXY proxy.corp:8080        | PROXY proxy.corp:8080
          proxy proxy.corp:8080        | PROXY proxy.corp:8080
          HTTP proxy.corp:80           | PROXY proxy.corp:80
          HTTPS secure.corp:443        | HTTPS secure.corp:443
          SOCKS socks.corp:1080        | SOCKS socks.corp:1080
          SOCKS4 socks.corp:1080       | SOCKS4 socks.corp:1080
          SOCKS5 socks.corp:1080       | SOCKS5 socks.corp:1080
          PROXY 192.0.2.1:3128         | PROXY 192.0.2.1:3128
          PROXY [2001:db8::1]:3128     | PROXY [2001:db8::1]:3128
          PROXY   spaced.corp:8080     | PROXY spaced.corp:8080
          """)
  void validEntryIsSpelledAsPacSpellsIt(String entry, String spelled) {
    assertThat(PacRoute.parse(entry)).map(PacRoute::toString).contains(spelled);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PROXY",
        "PROXY proxy.corp",
        "PROXY proxy.corp:",
        "PROXY :8080",
        "PROXY proxy.corp:65536",
        "PROXY proxy.corp:-1",
        "PROXY proxy.corp:80x",
        "PROXY proxy.corp:8080 extra",
        "DIRECT proxy.corp:8080",
        "FTP proxy.corp:21",
        "PROXY 2001:db8::1:3128",
        "PROXY [not-an-address]:3128",
        "BLOCK"
      })
  void malformedEntryIsRefused(String entry) {
    assertThat(PacRoute.parse(entry)).isEmpty();
  }
}
