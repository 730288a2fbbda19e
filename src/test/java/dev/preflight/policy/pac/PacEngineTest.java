package dev.preflight.policy.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.preflight.common.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PacEngineTest {
  private static final Path CORPORATE = Path.of("src/test/resources/pac/corporate.pac");

  @Test
  void corporateFallbackChainIsParsedInOrder() {
    PacEngine engine = PacEngine.load(PacScript.fromFile(CORPORATE));

    PacResult result = engine.findProxy("https://login.live.com/", "login.live.com");

    assertThat(result.spelled())
        .isEqualTo("PROXY proxy1.corp.example:8080; PROXY proxy2.corp.example:8080; DIRECT");
    assertThat(result.first())
        .contains(new PacRoute(PacRoute.Kind.PROXY, "proxy1.corp.example", 8080));
    assertThat(result.line()).isEqualTo(42);
    assertThat(result.ruleText()).isEqualTo("return proxies;");
    assertThat(result.dependsOnDns()).isTrue();
    assertThat(result.dnsNames()).containsExactly("login.live.com");
  }

  @Test
  void bypassListAnswersDirectFromTheMatchingReturn() {
    PacEngine engine = PacEngine.load(PacScript.fromFile(CORPORATE));

    PacResult result =
        engine.findProxy("https://a.manage.microsoft.com/", "a.manage.microsoft.com");

    assertThat(result.routes()).containsExactly(PacRoute.DIRECT);
    assertThat(result.line()).isEqualTo(30);
    assertThat(result.dependsOnDns()).isFalse();
  }

  @Test
  void malformedReturnNamesTheFileAndLine() {
    PacEngine engine =
        PacEngine.load(
            PacScript.of(
                "bad.pac", "function FindProxyForURL(u, h) {\n  return 'PROXY nohost';\n}"));

    assertThatThrownBy(() -> engine.findProxy("https://a/", "a"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("bad.pac:2: ")
        .hasMessageContaining("'PROXY nohost' is not DIRECT");
  }

  private static PacEngine engine(String text) {
    return PacEngine.load(PacScript.of("inline.pac", text));
  }

  @Test
  void microsoftEntryPointIsPreferredAsWinHttpDoes() {
    PacEngine engine =
        engine(
            """
            function FindProxyForURL(url, host) { return "PROXY classic:1"; }
            function FindProxyForURLEx(url, host) { return "PROXY ex:2"; }
            """);

    assertThat(engine.entryPoint()).isEqualTo("FindProxyForURLEx");
    assertThat(engine.findProxy("https://a/", "a").spelled()).isEqualTo("PROXY ex:2");
  }

  @Test
  void scriptWithoutEntryPointIsBadInput() {
    assertThatThrownBy(() -> engine("function findProxy(url, host) { return 'DIRECT'; }"))
        .isInstanceOf(InputException.class)
        .hasMessage("inline.pac: defines no FindProxyForURL(url, host) function");
  }

  @Test
  void emptyEntriesBetweenSemicolonsAreSkipped() {
    PacEngine engine = engine("function FindProxyForURL(u, h) { return ' PROXY a:1;;DIRECT; '; }");

    assertThat(engine.findProxy("https://a/", "a").spelled()).isEqualTo("PROXY a:1; DIRECT");
  }

  @Test
  void evidenceIsTheOuterReturnNotTheHelperFunctionsLine() {
    PacEngine engine =
        engine(
            """
            function pick(host) {
              return "PROXY picked:8080";
            }
            function FindProxyForURL(url, host) {
              var unused = 1;
              return pick(host);
            }
            """);

    PacResult result = engine.findProxy("https://a/", "a");

    assertThat(result.line()).isEqualTo(6);
    assertThat(result.ruleText()).isEqualTo("return pick(host);");
  }

  @Test
  void topLevelDnsLookupMakesEveryAnswerDependOnDns() {
    PacEngine engine =
        engine(
            """
            var onVpn = isResolvable("vpn-gateway.corp.example");
            function FindProxyForURL(url, host) { return onVpn ? "DIRECT" : "PROXY p:1"; }
            """);

    PacResult result = engine.findProxy("https://a/", "a");

    assertThat(result.spelled()).isEqualTo("PROXY p:1");
    assertThat(result.dnsNames()).containsExactly("vpn-gateway.corp.example");
  }

  @Test
  void addressLiteralsAreNotDnsLookups() {
    PacEngine engine =
        engine(
            """
            function FindProxyForURL(url, host) {
              return isInNet("10.1.2.3", "10.0.0.0", "255.0.0.0") && dnsResolve("192.0.2.1") ?
                  "DIRECT" : "PROXY p:1";
            }
            """);

    PacResult result = engine.findProxy("https://a/", "a");

    assertThat(result.spelled()).isEqualTo("DIRECT");
    assertThat(result.dependsOnDns()).isFalse();
  }

  @Test
  void thrownErrorNamesTheLine() {
    PacEngine engine =
        engine(
            """
            function FindProxyForURL(url, host) {
              if (host == "a") {
                throw new Error("no proxy for " + host);
              }
              return "DIRECT";
            }
            """);

    assertThatThrownBy(() -> engine.findProxy("https://a/", "a"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("inline.pac:3: Error: no proxy for a");
    assertThat(engine.findProxy("https://b/", "b").spelled()).isEqualTo("DIRECT");
  }

  @Test
  void objectReturnIsBadInput() {
    PacEngine engine = engine("function FindProxyForURL(u, h) {\n  return {proxy: 'DIRECT'};\n}");

    assertThatThrownBy(() -> engine.findProxy("https://a/", "a"))
        .hasMessageStartingWith("inline.pac:2: ")
        .hasMessageEndingWith("returned an object, not a string");
  }

  @Test
  void slowDnsAnswersDoNotCountAgainstTheScriptBudget() {
    PacResolver slow =
        PacResolver.system(
            name -> {
              try {
                Thread.sleep(1_500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return List.of("192.0.2.1");
            });
    PacEngine engine =
        PacEngine.load(
            PacScript.of(
                "slow.pac",
                "function FindProxyForURL(u, h) { return dnsResolve(h) ? 'DIRECT' : 'PROXY p:1'; }"),
            PacEnvironment.defaults().withResolver(slow));

    assertThat(engine.findProxy("https://a/", "a").spelled()).isEqualTo("DIRECT");
  }

  @Test
  void missingFileIsBadInput() {
    assertThatThrownBy(() -> PacScript.fromFile(Path.of("no/such.pac")))
        .isInstanceOf(InputException.class)
        .hasMessage("no/such.pac: cannot read: no such file");
  }

  @Test
  void shellPatternsNeverBacktrackExponentially() {
    PacEngine engine =
        PacEngine.load(
            PacScript.fromFile(Path.of("src/test/resources/pac/shexp-backtracking.pac")));

    assertThat(
            assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> engine.findProxy("https://a/", "a").spelled()))
        .isEqualTo("DIRECT");
  }

  @Test
  void largeBypassListLoadsWithinTheBudgets(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder("var bypass = {\n");
    for (int i = 0; i < 50_000; i++) {
      text.append("  \"host").append(i).append(".branch-office.contoso.example\": true,\n");
    }
    text.append("};\nfunction FindProxyForURL(url, host) {\n");
    text.append("  return bypass[host] ? \"DIRECT\" : \"PROXY proxy.contoso.example:8080\";\n}\n");
    Path pac = dir.resolve("large.pac");
    Files.writeString(pac, text);

    PacEngine engine = PacEngine.load(PacScript.fromFile(pac));

    assertThat(Files.size(pac)).isGreaterThan(2_000_000);
    assertThat(
            engine
                .findProxy(
                    "https://host49999.branch-office.contoso.example/",
                    "host49999.branch-office.contoso.example")
                .spelled())
        .isEqualTo("DIRECT");
    assertThat(engine.findProxy("https://login.live.com/", "login.live.com").line())
        .isEqualTo(50_004);
  }

  @Test
  void byteOrderMarkIsIgnored(@TempDir Path dir) throws IOException {
    Path pac = dir.resolve("bom.pac");
    Files.writeString(pac, "\uFEFFfunction FindProxyForURL(u, h) { return \"DIRECT\"; }");

    assertThat(PacEngine.load(PacScript.fromFile(pac)).findProxy("https://a/", "a").spelled())
        .isEqualTo("DIRECT");
  }

  @Test
  void ipv6ClientAddressReachesOnlyTheExHelper() {
    PacEngine engine =
        PacEngine.load(
            PacScript.of(
                "me.pac",
                "function FindProxyForURL(u, h) { return 'PROXY ' + myIpAddress() + ':1; PROXY ['"
                    + " + myIpAddressEx() + ']:2'; }"),
            PacEnvironment.defaults().withClientIp("2001:db8::7"));

    assertThat(engine.findProxy("https://a/", "a").spelled())
        .isEqualTo("PROXY 127.0.0.1:1; PROXY [2001:db8::7]:2");
  }

  @Test
  void defaultClientAddressIsLoopback() {
    PacEngine engine =
        engine("function FindProxyForURL(u, h) { return 'PROXY ' + myIpAddress() + ':1'; }");

    assertThat(engine.findProxy("https://a/", "a").spelled()).isEqualTo("PROXY 127.0.0.1:1");
  }
}
