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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteSelectionTest {
  private static final Endpoint HTTPS =
      entry("ztd", "ztd.dds.microsoft.com", Protocol.HTTPS, 443, Impact.BLOCKING);
  private static final Endpoint HTTP =
      entry("ncsi", "www.msftconnecttest.com", Protocol.HTTP, 80, Impact.BLOCKING);

  @ParameterizedTest
  @CsvSource({
    "http://proxy.corp:3128,proxy.corp,3128",
    "proxy.corp:8080,proxy.corp,8080",
    "http://proxy.corp,proxy.corp,80",
    "http://proxy.corp:3128/,proxy.corp,3128",
    "HTTP://127.0.0.1:3128,127.0.0.1,3128",
    "'http://[::1]:3128',::1,3128"
  })
  void proxyUrlsParseToProxyRoutes(String text, String host, int port) {
    assertThat(ProxyAddress.parse("--proxy", text)).isEqualTo(Route.proxy(host, port));
  }

  @Test
  void credentialsInTheProxyUrlAreRefusedWithoutRepeatingThem() {
    assertThatThrownBy(() -> ProxyAddress.parse("--proxy", "http://alice:s3cret@proxy:3128"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--proxy: ")
        .hasMessageContaining("never sends proxy credentials")
        .hasMessageContaining("OOBE")
        .message()
        .doesNotContain("s3cret")
        .doesNotContain("alice");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://proxy:3128",
        "socks5://proxy:1080",
        "http://proxy:3128/path",
        "http://:3128",
        "http://proxy:99999",
        "not a url"
      })
  void otherProxyFormsAreRefused(String text) {
    assertThatThrownBy(() -> ProxyAddress.parse("--proxy", text))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--proxy: ");
  }

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
