package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.assertFailure;
import static dev.preflight.probe.LoopbackFixture.assertPassed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Protocol;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.HttpTestServer.Behaviour;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HttpProbeTest {
  private static final Expectation NCSI =
      new Expectation(200, "Microsoft Connect Test", null, false);

  private final LoopbackFixture fixture = new LoopbackFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private ProbeResult probe(Behaviour behaviour, Expectation expect, Duration timeout) {
    HttpTestServer server = fixture.closeLater(HttpTestServer.plain(behaviour));
    return Probes.forProtocol(Protocol.HTTP)
        .run(
            new ProbeTarget(
                LoopbackFixture.endpoint(Protocol.HTTP, server.port(), List.of(), expect),
                Route.DIRECT),
            fixture.context(timeout));
  }

  private ProbeResult probe(Behaviour behaviour) {
    return probe(behaviour, Expectation.NONE, Duration.ofSeconds(2));
  }

  @Test
  void anyOriginAnswerPassesAndRecordsStatusAndDate() {
    ProbeResult result =
        probe(HttpTestServer.answer(405, "no", "Date: Tue, 15 Nov 1994 08:12:31 GMT"));
    assertPassed(result);
    assertThat(result.fact(Fact.HTTP_STATUS)).contains("405");
    assertThat(result.fact(Fact.HTTP_DATE)).contains("1994-11-15T08:12:31Z");
  }

  @Test
  void plainOriginForbiddenPasses() {
    assertPassed(probe(HttpTestServer.answer(403, "Forbidden", "Server: Microsoft-IIS/10.0")));
  }

  @Test
  void proxyAuthenticationIsProxyAuthRequired() {
    ProbeResult result =
        probe(
            HttpTestServer.answer(
                407, "", "Proxy-Authenticate: NTLM", "Proxy-Authenticate: Basic"));
    assertFailure(result, Cause.HTTP_PROXY_AUTH_REQUIRED, Phase.RESPONSE);
    assertThat(result.failure().message()).contains("NTLM");
  }

  @Test
  void forbiddenCarryingViaIsBlocked() {
    ProbeResult result =
        probe(HttpTestServer.answer(403, "<html>blocked</html>", "Via: 1.1 fw.corp"));
    assertFailure(result, Cause.HTTP_BLOCKED, Phase.RESPONSE);
    assertThat(result.failure().message()).contains("Via: 1.1 fw.corp");
  }

  @Test
  void squidErrorPageIsBlocked() {
    assertFailure(
        probe(HttpTestServer.answer(503, "denied", "X-Squid-Error: ERR_ACCESS_DENIED 0")),
        Cause.HTTP_BLOCKED,
        Phase.RESPONSE);
  }

  @Test
  void connectTestWithTheExactBodyPasses() {
    assertPassed(
        probe(HttpTestServer.answer(200, "Microsoft Connect Test"), NCSI, Duration.ofSeconds(2)));
  }

  @Test
  void connectTestRedirectIsCaptivePortal() {
    ProbeResult result =
        probe(
            HttpTestServer.answer(302, "", "Location: http://portal.hotel.test/login"),
            NCSI,
            Duration.ofSeconds(2));
    assertFailure(result, Cause.HTTP_CAPTIVE_PORTAL, Phase.RESPONSE);
    assertThat(result.failure().message()).contains("302", "portal.hotel.test");
  }

  @Test
  void connectTestWithOtherContentIsCaptivePortal() {
    assertFailure(
        probe(
            HttpTestServer.answer(200, "<html>Welcome to the hotel</html>"),
            NCSI,
            Duration.ofSeconds(2)),
        Cause.HTTP_CAPTIVE_PORTAL,
        Phase.RESPONSE);
  }

  @Test
  void networkAuthenticationRequiredIsCaptivePortal() {
    assertFailure(
        probe(HttpTestServer.answer(511, "log in")), Cause.HTTP_CAPTIVE_PORTAL, Phase.RESPONSE);
  }

  @Test
  void expectedStatusNotMetIsUnexpectedStatus() {
    Expectation ok = new Expectation(200, null, null, false);
    assertFailure(
        probe(HttpTestServer.answer(404, "nope"), ok, Duration.ofSeconds(2)),
        Cause.HTTP_UNEXPECTED_STATUS,
        Phase.RESPONSE);
  }

  @Test
  void somethingThatIsNotHttpIsUnexpectedStatus() {
    ProbeResult result =
        probe(
            (head, out) ->
                out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertFailure(result, Cause.HTTP_UNEXPECTED_STATUS, Phase.RESPONSE);
  }

  @Test
  void silenceAfterTheRequestIsHttpTimeout() {
    ProbeResult result =
        probe((head, out) -> Thread.sleep(10_000), Expectation.NONE, Duration.ofMillis(600));
    assertFailure(result, Cause.HTTP_TIMEOUT, Phase.RESPONSE);
    assertThat(result.total()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void slowlorisHeadersEndWithTheDeadline() {
    Behaviour trickle =
        (head, out) -> {
          out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 1_000; i++) {
            out.write('X');
            out.flush();
            Thread.sleep(50);
          }
        };
    ProbeResult result = probe(trickle, Expectation.NONE, Duration.ofMillis(800));
    assertFailure(result, Cause.HTTP_TIMEOUT, Phase.RESPONSE);
    assertThat(result.total()).isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void endlessHeadersAreCutOff() {
    Behaviour endless =
        (head, out) -> {
          out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
          byte[] field =
              "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
                  .getBytes(StandardCharsets.US_ASCII);
          while (true) {
            out.write(field);
          }
        };
    ProbeResult result = probe(endless, Expectation.NONE, Duration.ofSeconds(5));
    assertFailure(result, Cause.HTTP_UNEXPECTED_STATUS, Phase.RESPONSE);
    assertThat(result.failure().message()).contains("header");
  }

  @Test
  void hugeBodyIsReadOnlyUpToTheLimit() {
    Behaviour huge =
        (head, out) -> {
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'M');
          while (true) {
            out.write(chunk);
          }
        };
    ProbeResult result = probe(huge, NCSI, Duration.ofSeconds(5));
    assertFailure(result, Cause.HTTP_CAPTIVE_PORTAL, Phase.RESPONSE);
    assertThat(result.failure().message().length()).isLessThan(400);
  }

  @Test
  void resetAfterTheRequestIsBlocked() {
    ProbeResult result =
        probe(
            (head, out) -> {
              throw new ResetSignal();
            });
    assertFailure(result, Cause.HTTP_BLOCKED, Phase.RESPONSE);
  }

  /** Makes {@link HttpTestServer} close the connection: the probe sees EOF before any status. */
  private static final class ResetSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void randomBytesNeverCrashTheProbe() {
    java.util.Random random = new java.util.Random(20261126);
    java.util.Set<Cause> seen = java.util.EnumSet.noneOf(Cause.class);
    for (int i = 0; i < 150; i++) {
      byte[] garbage = new byte[random.nextInt(2_000)];
      random.nextBytes(garbage);
      if (i % 3 == 0) {
        // Half-plausible responses reach deeper into the reader.
        byte[] head =
            ("HTTP/1.1 " + (100 + random.nextInt(500)) + " X\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, garbage, 0, Math.min(head.length, garbage.length));
      }
      ProbeResult result = probe((head, out) -> out.write(garbage), NCSI, Duration.ofMillis(800));
      assertThat(result.failure()).as("garbage never passes the NCSI check").isNotNull();
      assertThat(result.failure().message().length()).isLessThan(600);
      seen.add(result.failure().cause());
    }
    assertThat(seen)
        .isSubsetOf(
            Cause.HTTP_UNEXPECTED_STATUS,
            Cause.HTTP_BLOCKED,
            Cause.HTTP_CAPTIVE_PORTAL,
            Cause.HTTP_PROXY_AUTH_REQUIRED,
            Cause.HTTP_TIMEOUT);
  }

  private static Behaviour raw(String response) {
    return (head, out) -> out.write(response.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void chunkedConnectTestBodyPasses() {
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "9\r\nMicrosoft\r\n8;ext=1\r\n Connect\r\n5\r\n Test\r\n0\r\n\r\n";
    assertPassed(probe(raw(chunked), NCSI, Duration.ofSeconds(2)));
  }

  @Test
  void interimContinueIsSkipped() {
    String response =
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 22\r\n\r\n"
            + "Microsoft Connect Test";
    assertPassed(probe(raw(response), NCSI, Duration.ofSeconds(2)));
  }

  @Test
  void bodyEndingWithTheConnectionIsRead() {
    assertPassed(
        probe(raw("HTTP/1.0 200 OK\r\n\r\nMicrosoft Connect Test"), NCSI, Duration.ofSeconds(2)));
  }

  @Test
  void hugeChunkedBodyIsCutAtTheLimit() {
    Behaviour chunks =
        (head, out) -> {
          out.write(
              "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          byte[] chunk =
              ("4000\r\n" + "M".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          while (true) {
            out.write(chunk);
          }
        };
    assertFailure(
        probe(chunks, NCSI, Duration.ofSeconds(5)), Cause.HTTP_CAPTIVE_PORTAL, Phase.RESPONSE);
  }

  @Test
  void malformedFramingIsUnexpectedStatus() {
    for (String response :
        List.of(
            "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
            "HTTP/1.1 999 Odd\r\n\r\n",
            "HTTP/1.1 20x OK\r\n\r\n")) {
      assertFailure(
          probe(raw(response), NCSI, Duration.ofSeconds(2)),
          Cause.HTTP_UNEXPECTED_STATUS,
          Phase.RESPONSE);
    }
  }

  @Test
  void oneEndlessLineIsCutOff() {
    Behaviour endless =
        (head, out) -> {
          out.write("HTTP/1.1 200 OK\r\nX-Long: ".getBytes(StandardCharsets.US_ASCII));
          byte[] filler = "a".repeat(4096).getBytes(StandardCharsets.US_ASCII);
          while (true) {
            out.write(filler);
          }
        };
    ProbeResult result = probe(endless, Expectation.NONE, Duration.ofSeconds(5));
    assertFailure(result, Cause.HTTP_UNEXPECTED_STATUS, Phase.RESPONSE);
    assertThat(result.failure().message()).contains("line");
  }
}
