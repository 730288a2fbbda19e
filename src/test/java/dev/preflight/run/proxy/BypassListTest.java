package dev.preflight.run.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows bypass lists and proxy server lists. */
@Timeout(10)
class BypassListTest {
  @ParameterizedTest(name = "[{index}] {0} bypasses {1}:{2}: {3}")
  @CsvSource({
    "'<local>', intranet, 443, true",
    "'<local>', intranet.corp.example, 443, false",
    "'*.corp.example', app.corp.example, 443, true",
    "'*.corp.example', corp.example, 443, false",
    "'corp.example', corp.example, 443, true",
    "'corp.example', app.corp.example, 443, false",
    "'*.Microsoft.COM', login.microsoft.com, 443, true",
    "'10.*', 10.1.2.3, 443, true",
    "'10.*', 110.1.2.3, 443, false",
    "'https://*.corp.example', app.corp.example, 443, true",
    "'*.corp.example:8080', app.corp.example, 443, false",
    "'*.corp.example:8080', app.corp.example, 8080, true",
    "'a.example;  b.example ; <-loopback>', b.example, 443, true",
    "'169.254/16', 169.254.1.1, 443, false",
    "'', anything.example, 443, false"
  })
  void windowsBypassEntries(String list, String host, int port, boolean bypasses) {
    assertThat(BypassList.parse(list).bypasses(host, port)).isEqualTo(bypasses);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "'proxy:3128', PROXY proxy:3128, PROXY proxy:3128",
    "'proxy', PROXY proxy:80, PROXY proxy:80",
    "'http://proxy:3128/', PROXY proxy:3128, PROXY proxy:3128",
    "'http=p1:8080;https=p2:8443;ftp=f:21', PROXY p1:8080, PROXY p2:8443",
    "'http=p1:8080', PROXY p1:8080, DIRECT",
    "'https=p2:8443', DIRECT, PROXY p2:8443",
    "'socks=s:1080', SOCKS s:1080, SOCKS s:1080",
    "'https=https://p2:443', DIRECT, HTTPS p2:443",
    "'http=p1:8080 socks=s', PROXY p1:8080, SOCKS s:1080",
    "'[2001:db8::1]:3128', PROXY [2001:db8::1]:3128, PROXY [2001:db8::1]:3128",
    "'Proxy.Corp.Example:3128', PROXY proxy.corp.example:3128, PROXY proxy.corp.example:3128"
  })
  void proxyServerLists(String servers, String http, String https) {
    ManualProxy proxy = ManualProxy.parse(servers, Bypass.NONE);

    assertThat(shown(proxy.route(false, "a.example", 80))).isEqualTo(http);
    assertThat(shown(proxy.route(true, "a.example", 443))).isEqualTo(https);
  }

  @Test
  void aServerListWithoutAUsableEntryIsNoProxy() {
    assertThat(ManualProxy.parse("", Bypass.NONE)).isNull();
    assertThat(ManualProxy.parse("ftp=f:21", Bypass.NONE)).isNull();
    assertThat(ManualProxy.parse("proxy:99999", Bypass.NONE)).isNull();
    assertThat(ManualProxy.parse("user:secret@proxy:3128", Bypass.NONE)).isNull();
    assertThat(ManualProxy.parse("not a proxy!", Bypass.NONE)).isNull();
  }

  private static String shown(Route route) {
    return route == null ? "DIRECT" : route.toString();
  }
}
