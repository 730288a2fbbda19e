package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testing.TestCertificates;
import dev.preflight.testing.TestCertificates.Authority;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class HostnameMatcherTest {
  private static final Authority CA = TestCertificates.root("CN=Matcher Test Root");
  private static final X509Certificate NAMES =
      CA.leaf("login.example.test", "*.manage.example.test", "198.18.0.5", "2001:db8::5")
          .certificate();
  private static final X509Certificate CN_ONLY =
      CA.leafWithCommonNameOnly("legacy.example.test").certificate();

  @ParameterizedTest
  @CsvSource({
    "login.example.test, true",
    "LOGIN.Example.Test., true",
    "a.manage.example.test, true",
    "manage.example.test, false",
    "a.b.manage.example.test, false",
    "other.example.test, false",
    "198.18.0.5, true",
    "198.18.0.6, false",
    "2001:db8:0::5, true"
  })
  void coversNamesAsRfc6125Says(String host, boolean covered) {
    assertThat(HostnameMatcher.covers(NAMES, host)).isEqualTo(covered);
  }

  @ParameterizedTest
  @CsvSource({"legacy.example.test, true", "other.example.test, false"})
  void fallsBackToTheCommonNameOnlyWithoutAlternativeNames(String host, boolean covered) {
    assertThat(HostnameMatcher.covers(CN_ONLY, host)).isEqualTo(covered);
  }
}
