package dev.preflight.probe;

import static dev.preflight.probe.LoopbackFixture.HOST;
import static dev.preflight.probe.LoopbackFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.catalog.Protocol;
import dev.preflight.common.IpAddress;
import dev.preflight.probe.net.Clock;
import dev.preflight.probe.net.Connection;
import dev.preflight.probe.net.Connector;
import dev.preflight.probe.net.TlsSession;
import dev.preflight.testing.HttpTestServer;
import dev.preflight.testing.LoopbackServer;
import dev.preflight.testing.TestCertificates.Identity;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CPU slots against real TLS on loopback: a handshake computes in a slot but gives it up while the
 * peer keeps it waiting, and a probe queued for a slot does not spend its deadline meanwhile. A
 * handshake under way gets a free slot before one that has yet to start.
 */
@Timeout(30)
class CpuSlotsTest {
  private final LoopbackFixture fixture = new LoopbackFixture();

  /** Not the common pool: its one or two workers would block and stall the DNS client too. */
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void close() {
    threads.shutdownNow();
    fixture.close();
  }

  /** A TLS server that answers a ClientHello only once {@code answer} opens. */
  private LoopbackServer slowTlsServer(Identity identity, CountDownLatch answer) {
    return fixture.closeLater(
        LoopbackServer.start(
            socket -> {
              answer.await();
              SSLSocket tls =
                  (SSLSocket)
                      identity
                          .serverContext()
                          .getSocketFactory()
                          .createSocket(socket, null, socket.getPort(), true);
              tls.setUseClientMode(false);
              tls.startHandshake();
              tls.getInputStream().read();
            }));
  }

  @Test
  void aHandshakeGivesUpItsSlotWhileThePeerKeepsItWaiting() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    LoopbackServer server = slowTlsServer(ROOT.leaf(HOST), answer);
    CpuSlots slots = new CpuSlots(1);
    Deadline deadline = Deadline.start(Clock.system(), Duration.ofSeconds(20));
    Connection connection =
        Connector.system()
            .connect(IpAddress.parse("127.0.0.1"), server.port(), Duration.ofSeconds(5));
    CompletableFuture<TlsSession> handshake =
        CompletableFuture.supplyAsync(
            () -> {
              try (CpuSlots.Held held = slots.acquire(deadline)) {
                return connection.startTls(HOST, Duration.ofSeconds(20), held);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            },
            threads);

    // The only slot is free again once the handshake waits for the ServerHello that never came.
    CompletableFuture<CpuSlots.Held> other =
        CompletableFuture.supplyAsync(
            () -> slots.acquire(Deadline.start(Clock.system(), Duration.ofSeconds(20))), threads);
    CpuSlots.Held taken = other.get(10, TimeUnit.SECONDS);
    assertThat(handshake).isNotDone();
    taken.close();
    answer.countDown();

    assertThat(handshake.get(10, TimeUnit.SECONDS).chain()).isNotEmpty();
    connection.close();
  }

  @Test
  void aProbeQueuedForACpuSlotDoesNotSpendItsDeadline() throws Exception {
    HttpTestServer server =
        fixture.closeLater(HttpTestServer.tls(ROOT.leaf(HOST), HttpTestServer.answer(200, "ok")));
    CpuSlots slots = new CpuSlots(1);
    Duration timeout = Duration.ofSeconds(2);
    CpuSlots.Held busy = slots.acquire(Deadline.start(Clock.system(), Duration.ofMinutes(1)));
    CompletableFuture<ProbeResult> probe =
        CompletableFuture.supplyAsync(
            () ->
                Probes.run(
                    new ProbeTarget(
                        LoopbackFixture.endpoint(Protocol.HTTPS, server.port()), Route.DIRECT),
                    fixture.context(timeout).withCpu(slots)),
            threads);
    // Longer than the probe's whole deadline: a wait that spent it would end in TLS_TIMEOUT.
    Thread.sleep(timeout.plusSeconds(1));
    assertThat(probe).isNotDone();
    busy.close();

    ProbeResult result = probe.get(10, TimeUnit.SECONDS);
    LoopbackFixture.assertPassed(result);
    assertThat(result.timings().get(Phase.TLS_HANDSHAKE)).isLessThan(timeout);
  }

  @Test
  void aHandshakeUnderWayGetsTheSlotBeforeANewOne() throws Exception {
    CpuSlots slots = new CpuSlots(1);
    Deadline deadline = Deadline.start(Clock.system(), Duration.ofMinutes(1));
    CpuSlots.Held underWay = slots.acquire(deadline);
    underWay.waiting(); // its peer keeps it waiting: the slot is free
    CpuSlots.Held busy = slots.acquire(deadline);

    CompletableFuture<CpuSlots.Held> fresh = new CompletableFuture<>();
    Thread starter = Thread.ofPlatform().start(() -> fresh.complete(slots.acquire(deadline)));
    awaitBlocked(starter);
    Thread resumer = Thread.ofPlatform().start(underWay::resumed); // queued after the starter
    awaitBlocked(resumer);

    busy.close();
    resumer.join(5_000);
    assertThat(resumer.isAlive()).as("the handshake under way resumed").isFalse();
    assertThat(fresh).as("the new handshake still waits").isNotDone();

    underWay.close();
    assertThat(fresh.get(5, TimeUnit.SECONDS)).isNotNull();
  }

  private static void awaitBlocked(Thread thread) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != Thread.State.WAITING && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
  }
}
