package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.HOST;
import static dev.preflight.probe.LoopbackFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Expectation;
import dev.preflight.catalog.Protocol;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Peers that try to cost the probe more than its bounds allow: a TLS server that never stops
 * sending, and one that resets every connection right after accepting it.
 */
@Timeout(120)
class HostilePeerTest {
  private final LoopbackFixture fixture = new LoopbackFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private ProbeResult probe(Protocol protocol, int port) {
    return Probes.forProtocol(protocol)
        .run(
            new ProbeTarget(LoopbackFixture.endpoint(protocol, port), Route.DIRECT),
            fixture.context(Duration.ofSeconds(5)));
  }

  @Test
  void closingATlsConnectionDoesNotDrainWhatTheServerStillSends() {
    AtomicLong sent = new AtomicLong();
    HttpTestServer.Behaviour endless =
        (head, out) -> {
          out.write(
              "HTTP/1.1 404 Test\r\nContent-Length: 1000000000\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
          byte[] chunk = new byte[16 * 1024];
          while (true) {
            out.write(chunk);
            sent.addAndGet(chunk.length);
          }
        };
    HttpTestServer server = fixture.closeLater(HttpTestServer.tls(ROOT.leaf(HOST), endless));

    // An entry that wants the body: the probe reads its 64 KiB cap, then closes.
    Expectation wantsBody = new Expectation(null, "expected text", null, false);
    Duration timeout = Duration.ofSeconds(10);
    long start = System.nanoTime();
    ProbeResult result =
        Probes.forProtocol(Protocol.HTTPS)
            .run(
                new ProbeTarget(
                    LoopbackFixture.endpoint(Protocol.HTTPS, server.port(), List.of(), wantsBody),
                    Route.DIRECT),
                fixture.context(timeout));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.failure()).isNotNull();
    // Draining would read on until the deadline closed the socket; not draining returns at once,
    // and the server can have sent no more than the cap plus the loopback socket buffers.
    assertThat(took).isLessThan(timeout.minusSeconds(3));
    assertThat(sent.get()).isLessThan(16L << 20);
  }

  @Test
  void closingATlsConnectionDoesNotWaitForAStalledServer() {
    HttpTestServer.Behaviour stalls =
        (head, out) -> {
          out.write(
              "HTTP/1.1 404 Test\r\nContent-Length: 1000000\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.write(new byte[64 * 1024]);
          out.flush();
          Thread.sleep(60_000);
        };
    HttpTestServer server = fixture.closeLater(HttpTestServer.tls(ROOT.leaf(HOST), stalls));
    Expectation wantsBody = new Expectation(null, "expected text", null, false);
    Duration timeout = Duration.ofSeconds(10);
    long start = System.nanoTime();
    ProbeResult result =
        Probes.forProtocol(Protocol.HTTPS)
            .run(
                new ProbeTarget(
                    LoopbackFixture.endpoint(Protocol.HTTPS, server.port(), List.of(), wantsBody),
                    Route.DIRECT),
                fixture.context(timeout));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.failure()).isNotNull();
    // Closing must not wait, up to the deadline, for bytes the probe will never use.
    assertThat(took).isLessThan(timeout.minusSeconds(3));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"HTTP, HTTP_BLOCKED, REQUEST|RESPONSE", "HTTPS, TLS_HANDSHAKE_FAILED, TLS_HANDSHAKE"})
  void aResetRightAfterAcceptIsTheSameCauseEveryTime(
      Protocol protocol, Cause cause, String phases) {
    LoopbackServer resetting =
        fixture.closeLater(
            LoopbackServer.start(
                socket -> {
                  socket.setSoLinger(true, 0);
                  socket.close();
                }));
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ProbeResult result = probe(protocol, resetting.port());
      ProbeFailure failure = result.failure();
      assertThat(failure).as("run %d", i).isNotNull();
      seen.add(failure.cause() + " in " + failure.phase());
      assertThat(failure.cause()).as("run %d: %s", i, failure.message()).isEqualTo(cause);
      assertThat(failure.phase().name()).matches(phases);
      assertThat(failure.message()).doesNotContainIgnoringCase("no route").doesNotContain("java.");
    }
    assertThat(seen).hasSize(30);
  }

  @Test
  void aPlainTcpProbeCountsAnAcceptedConnectionEvenIfItIsResetAtOnce() {
    LoopbackServer resetting =
        fixture.closeLater(
            LoopbackServer.start(
                socket -> {
                  socket.setSoLinger(true, 0);
                  socket.close();
                }));
    for (int i = 0; i < 10; i++) {
      LoopbackFixture.assertPassed(probe(Protocol.TCP, resetting.port()));
    }
  }
}
