package dev.preflight.run;

import static dev.preflight.fixtures.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Impact;
import dev.preflight.catalog.Protocol;
import dev.preflight.common.InputException;
import dev.preflight.probe.Route;
import dev.preflight.run.proxy.NoProxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class RouteSelectionTest {
  private static final Endpoint HTTPS =
      entry("ztd", "ztd.dds.microsoft.com", Protocol.HTTPS, 443, Impact.BLOCKING);
  private static final Endpoint HTTP =
      entry("ncsi", "www.msftconnecttest.com", Protocol.HTTP, 80, Impact.BLOCKING);

  @ParameterizedTest
  @CsvSource({
    "*,ztd.dds.microsoft.com,443,true",
    "microsoft.com,ztd.dds.microsoft.com,443,true",
    "microsoft.com,microsoft.com,443,true",
    ".microsoft.com,ztd.dds.microsoft.com,443,true",
    ".microsoft.com,microsoft.com,443,false",
    "*.microsoft.com,microsoft.com,443,false",
    "*.microsoft.com,login.microsoft.com,443,true",
    "soft.com,microsoft.com,443,false",
    "MICROSOFT.COM,Login.Microsoft.com,443,true",
    "microsoft.com:443,login.microsoft.com,443,true",
    "microsoft.com:80,login.microsoft.com,443,false",
    "'a.example, microsoft.com',login.microsoft.com,443,true",
    "'a.example microsoft.com',login.microsoft.com,443,true",
    "127.0.0.1,127.0.0.1,443,true",
    "127.0.0.1,127.0.0.10,443,false",
    "'[::1]:443',::1,443,true",
    "'',login.microsoft.com,443,false"
  })
  void noProxyMatchesSuffixesDotsWildcardsAndPorts(
      String noProxy, String host, int port, boolean bypass) {
    assertThat(NoProxy.parse(noProxy).bypasses(host, port)).isEqualTo(bypass);
  }

  @Test
  void httpsUsesHttpsProxyAndHttpUsesHttpProxy() {
    RouteSelector env =
        EnvironmentProxy.from(
                Map.of("HTTPS_PROXY", "http://secure:3128", "http_proxy", "http://plain:8080"))
            .orElseThrow();
    assertThat(env.select(HTTPS).route()).isEqualTo(Route.proxy("secure", 3128));
    assertThat(env.select(HTTP).route()).isEqualTo(Route.proxy("plain", 8080));
  }

  @Test
  void upperCaseWinsOverLowerCase() {
    RouteSelector env =
        EnvironmentProxy.from(Map.of("HTTPS_PROXY", "upper:1", "https_proxy", "lower:2"))
            .orElseThrow();
    assertThat(env.select(HTTPS).route()).isEqualTo(Route.proxy("upper", 1));
  }

  @Test
  void lowerCaseAloneIsHonoured() {
    RouteSelector env =
        EnvironmentProxy.from(Map.of("https_proxy", "lower:2", "no_proxy", ".dds.microsoft.com"))
            .orElseThrow();
    assertThat(env.select(HTTPS).route()).isEqualTo(Route.DIRECT);
    assertThat(env.describe()).isEqualTo("https_proxy=lower:2 no_proxy=.dds.microsoft.com");
  }

  @Test
  void aSchemeWithoutVariableGoesDirect() {
    RouteSelector env = EnvironmentProxy.from(Map.of("HTTPS_PROXY", "secure:3128")).orElseThrow();
    assertThat(env.select(HTTP).route()).isEqualTo(Route.DIRECT);
  }

  @Test
  void noProxyVariableBypassesTheProxy() {
    RouteSelector env =
        EnvironmentProxy.from(Map.of("HTTPS_PROXY", "secure:3128", "NO_PROXY", "microsoft.com"))
            .orElseThrow();
    assertThat(env.select(HTTPS).route()).isEqualTo(Route.DIRECT);
  }

  @Test
  void noProxyVariablesMeanNoSelector() {
    assertThat(EnvironmentProxy.from(Map.of("NO_PROXY", "*", "PATH", "/bin"))).isEmpty();
  }

  @Test
  void credentialsInAnEnvironmentVariableAreRefusedNamingIt() {
    assertThatThrownBy(() -> EnvironmentProxy.from(Map.of("https_proxy", "http://u:p@proxy:1")))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("https_proxy: ");
  }

  @ParameterizedTest
  @CsvSource({"NTP,123", "DNS,53", "LDAP,389", "KERBEROS,88", "TCP,443"})
  void nonHttpProtocolsNeverUseTheProxy(Protocol protocol, int port) {
    Endpoint other = entry("x", "time.windows.com", protocol, port, Impact.BLOCKING);
    RouteSelector proxy = new FixedProxy(Route.proxy("proxy", 3128));
    assertThat(Routes.choose(proxy, other).route()).isEqualTo(Route.DIRECT);
    assertThat(Routes.choose(proxy, HTTPS).route()).isEqualTo(Route.proxy("proxy", 3128));
    assertThat(proxy.describe()).isEqualTo("http://proxy:3128");
  }
}
