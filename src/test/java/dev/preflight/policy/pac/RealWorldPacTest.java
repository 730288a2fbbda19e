package dev.preflight.policy.pac;

import static dev.preflight.policy.pac.TestEndpoints.https;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PAC files shaped like the ones networks really deploy, asked about many hosts. */
@Timeout(60)
class RealWorldPacTest {
  private static final Path DIR = Path.of("src/test/resources/pac");
  private static final PacEnvironment HOSTS =
      PacEnvironment.defaults()
          .withResolver(PacResolver.hostsFile(DIR.resolve("hosts.txt")))
          .withClientIp("198.18.7.7");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          http://intranet/                  | intranet                   | DIRECT                                                                    | 21
          https://wiki.corp.example/        | wiki.corp.example          | DIRECT                                                                    | 25
          https://intranet.portal.example/  | intranet.portal.example    | DIRECT                                                                    | 25
          https://x.manage.microsoft.com/   | x.manage.microsoft.com     | DIRECT                                                                    | 30
          https://ztd.dds.microsoft.com/    | ztd.dds.microsoft.com      | DIRECT                                                                    | 30
          https://malware.blocked.example/  | malware.blocked.example    | PROXY 127.0.0.1:9                                                         | 34
          https://10.20.30.40/              | 10.20.30.40                | DIRECT                                                                    | 37
          http://www.msftconnecttest.com/   | www.msftconnecttest.com    | PROXY proxy1.corp.example:8080                                            | 40
          https://login.live.com/           | login.live.com             | PROXY proxy1.corp.example:8080; PROXY proxy2.corp.example:8080; DIRECT    | 42
          """)
  void corporatePacWithBypassListsAndFallbackChain(
      String url, String host, String spelled, int line) {
    PacEngine engine = PacEngine.load(PacScript.fromFile(DIR.resolve("corporate.pac")), HOSTS);

    PacResult result = engine.findProxy(url, host);

    assertThat(result.spelled()).isEqualTo(spelled);
    assertThat(result.line()).isEqualTo(line);
  }

  @ParameterizedTest(name = "{0} from {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          printer                 | 198.18.7.7    | DIRECT
          lab.campus.example      | 198.18.7.7    | DIRECT
          2001:db8:100:5::1       | 198.18.7.7    | DIRECT
          intranet.corp.example   | 198.18.7.7    | DIRECT
          login.live.com          | 198.18.20.1   | HTTPS proxy-north.campus.example:443; PROXY proxy-north.campus.example:3128
          dual.example            | 198.18.7.7    | SOCKS5 socks.campus.example:1080; DIRECT
          login.live.com          | 198.18.7.7    | PROXY proxy-south.campus.example:3128
          """)
  void microsoftIpv6WpadScript(String host, String clientIp, String spelled) {
    PacEngine engine =
        PacEngine.load(
            PacScript.fromFile(DIR.resolve("wpad-ipv6.pac")), HOSTS.withClientIp(clientIp));

    assertThat(engine.findProxy("https://" + host + "/", host).spelled()).isEqualTo(spelled);
  }

  @ParameterizedTest(name = "{0} at {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ztd.dds.microsoft.com          | 2026-11-25T12:00:00Z | ALLOWED | PROXY egress.build.example:8080
          enterpriseregistration.windows.net | 2026-11-25T12:00:00Z | DENIED  |
          enterpriseregistration.windows.net | 2026-11-28T23:00:00Z | ALLOWED | DIRECT
          enterpriseregistration.windows.net | 2026-11-29T07:00:00Z | DENIED  |
          """)
  void allowlistPacBlackHolesEverythingElse(
      String host, String instant, Outcome outcome, String route) {
    Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    PacEvaluator evaluator =
        PacEvaluator.load(
            PacScript.fromFile(DIR.resolve("autopilot-allowlist.pac")),
            PacEnvironment.defaults().withClock(clock));

    PolicyDecision decision = evaluator.evaluate(List.of(https(host))).get(0);

    assertThat(decision.outcome()).isEqualTo(outcome);
    assertThat(decision.route()).isEqualTo(route);
  }
}
