package dev.preflight.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class HostNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"*.manage.microsoft.com", "*.dm.microsoft.com", "*.contoso.com"})
  void acceptsOneLeadingLabel(String wildcard) {
    assertThat(HostNames.wildcardProblem(wildcard)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"*", "*foo.com", "a.*.com", "*.*.com", "*.com", "*.", "*.-bad.com", "**.a.com"})
  void rejectsEverythingElse(String wildcard) {
    assertThat(HostNames.wildcardProblem(wildcard)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ztd.dds.microsoft.com", "_ldap._tcp.dc._msdcs.{domain}", "{dc}", "10.1.2.3"})
  void acceptsHostsAndPlaceholders(String host) {
    assertThat(HostNames.hostProblem(host)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a..b",
        "-a.com",
        "a b.com",
        "*.a.com",
        "a.com/path",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.com"
      })
  void rejectsBadHosts(String host) {
    assertThat(HostNames.hostProblem(host)).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({
    "*.manage.microsoft.com, enterpriseenrollment.manage.microsoft.com, true",
    "*.manage.microsoft.com, manage.microsoft.com, true",
    "*.manage.microsoft.com, evilmanage.microsoft.com, false",
    "*.manage.microsoft.com, manage.microsoft.com.evil.com, false"
  })
  void coversSubdomainsAndTheZone(String wildcard, String host, boolean covered) {
    assertThat(HostNames.covers(wildcard, host)).isEqualTo(covered);
  }
}
