package dev.preflight.policy.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
