package dev.preflight.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@org.junit.jupiter.api.Timeout(10)
class SecretsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://user:s3cret@proxy.corp:3128|http://user:***@proxy.corp:3128",
        "http://user:s3cret@proxy.corp:3128/wpad.dat|http://user:***@proxy.corp:3128/wpad.dat",
        "user:s3cret@proxy.corp:8080|user:***@proxy.corp:8080",
        "PROXY admin:hunter2@10.0.0.1:80; DIRECT|PROXY admin:***@10.0.0.1:80; DIRECT",
        "http://u:p@ss@host:1|http://u:***@host:1",
        "http://user:@host|http://user:***@host",
        "http://user@host:3128|http://user@host:3128",
        "http://[2001:db8::1]:3128|http://[2001:db8::1]:3128",
        "PROXY proxy.corp:3128|PROXY proxy.corp:3128",
        "see a:1@b and c:2@d|see a:***@b and c:***@d",
      })
  void passwordsAreReplaced(String text, String shown) {
    assertThat(Secrets.redact(text)).isEqualTo(shown);
  }

  @org.junit.jupiter.api.Test
  void nullStaysNull() {
    assertThat(Secrets.redact(null)).isNull();
  }
}
