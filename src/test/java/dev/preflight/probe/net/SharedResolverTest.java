package dev.preflight.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.common.IpAddress;
import dev.preflight.testing.DnsTestServer;
import dev.preflight.testing.DnsTestServer.Mode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run resolver asks each name and type once, however many probes need it at once. */
@Timeout(30)
class SharedResolverTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final DnsTestServer dns = new DnsTestServer();
  private final SharedResolver resolver = SharedResolver.over(Resolver.system(dns.address()));

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  void manyConcurrentAskersSendOneQueryPerNameAndType() throws Exception {
    dns.answer("login.example.test", "198.18.0.1", "2001:2::1");
    List<DnsAnswer> answers =
        concurrently(
            40,
            i ->
                resolver.query(
                    "login.example.test", i % 2 == 0 ? RecordType.A : RecordType.AAAA, TIMEOUT));
    assertThat(answers).hasSize(40).allMatch(a -> a.addresses().size() == 1);
    assertThat(dns.queries("login.example.test", "A")).isEqualTo(1);
    assertThat(dns.queries("login.example.test", "AAAA")).isEqualTo(1);
    assertThat(resolver.queriesSent()).containsEntry("login.example.test", 2);
  }

  @Test
  void askersJoinTheQuestionInFlight() throws IOException {
    dns.answer("slow.example.test", "198.18.0.2")
        .delay("slow.example.test", Duration.ofMillis(500));
    Question first = resolver.ask("slow.example.test", RecordType.A, TIMEOUT);
    Question joined = resolver.ask("SLOW.example.test.", RecordType.A, TIMEOUT);
    assertThat(joined).isSameAs(first);
    assertThat(joined.await(TIMEOUT).addresses())
        .extracting(IpAddress::text)
        .containsExactly("198.18.0.2");
    assertThat(dns.queries("slow.example.test", "A")).isEqualTo(1);
  }

  @Test
  void anAnswerServesLaterAskersWithoutNewTraffic() throws IOException {
    dns.mode("gone.example.test", Mode.NXDOMAIN);
    assertThat(resolver.query("gone.example.test", RecordType.A, TIMEOUT).rcode())
        .isEqualTo(DnsAnswer.Rcode.NXDOMAIN);
    assertThat(resolver.query("gone.example.test", RecordType.A, TIMEOUT).rcode())
        .isEqualTo(DnsAnswer.Rcode.NXDOMAIN);
    assertThat(dns.queries("gone.example.test", "A")).isEqualTo(1);
  }

  @Test
  void aLostAnswerIsRetriedOnceForEveryoneWaiting() throws Exception {
    dns.answer("busy.example.test", Mode.DROP_FIRST, "198.18.0.9");
    List<DnsAnswer> answers =
        concurrently(20, i -> resolver.query("busy.example.test", RecordType.A, TIMEOUT));
    assertThat(answers).allMatch(a -> a.addresses().size() == 1);
    assertThat(dns.queries("busy.example.test", "A")).isEqualTo(2);
  }

  @Test
  void aQuestionThatEndedWithoutAnswerIsAskedAgainByALaterAsker() {
    dns.mode("silent.example.test", Mode.SILENT);
    Duration short_ = Duration.ofMillis(300);
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> resolver.query("silent.example.test", RecordType.A, short_))
          .isInstanceOf(DnsTimeoutException.class);
    }
    assertThat(dns.queries("silent.example.test", "A")).isEqualTo(2);
  }

  @Test
  void noMoreQuestionsThanTheLimitAreOnTheWireAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Resolver watched = watched(Resolver.system(dns.address()), inFlight, most);
    SharedResolver limited = SharedResolver.over(watched, 2);
    for (int i = 0; i < 8; i++) {
      dns.answer("n" + i + ".example.test", "198.18.0." + (i + 1))
          .delay("n" + i + ".example.test", Duration.ofMillis(100));
    }
    List<DnsAnswer> answers =
        concurrently(
            8, i -> limited.query("n" + i + ".example.test", RecordType.A, Duration.ofSeconds(10)));
    assertThat(answers).allMatch(a -> a.addresses().size() == 1);
    assertThat(most.get()).isBetween(1, 2);
  }

  @Test
  void behindALongRoundTripMoreQuestionsThanTheFloorAreOnTheWireAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Resolver watched = watched(Resolver.system(dns.address()), inFlight, most);
    SharedResolver windowed = SharedResolver.over(watched);
    int names = 3 * SharedResolver.MIN_IN_FLIGHT;
    for (int i = 0; i < names; i++) {
      // Every answer takes the same 150 ms: a round trip, not a queue at the resolver.
      dns.answer("far" + i + ".example.test", "198.18.1." + (i % 250 + 1))
          .delay("far" + i + ".example.test", Duration.ofMillis(150));
    }
    List<DnsAnswer> answers =
        concurrently(
            names,
            i -> windowed.query("far" + i + ".example.test", RecordType.A, Duration.ofSeconds(10)));
    assertThat(answers).allMatch(a -> a.addresses().size() == 1);
    assertThat(most.get()).isGreaterThan(SharedResolver.MIN_IN_FLIGHT);
    assertThat(dns.queries("far0.example.test", "A")).isEqualTo(1);
  }

  @Test
  void anUnansweredQuestionGivesUpItsSlotBeforeItsTimeout() throws IOException {
    dns.mode("silent.example.test", Mode.SILENT).answer("next.example.test", "198.18.0.3");
    SharedResolver oneSlot = SharedResolver.over(Resolver.system(dns.address()), 1);
    Question silent = oneSlot.ask("silent.example.test", RecordType.A, Duration.ofSeconds(8));
    holdsTheSlot(silent);
    Question next = oneSlot.ask("next.example.test", RecordType.A, Duration.ofSeconds(8));
    assertThat(next.await(Duration.ofSeconds(8)).addresses()).hasSize(1);
    assertThatThrownBy(() -> silent.await(Duration.ZERO))
        .as("the silent question is still waiting when the next one is answered")
        .isInstanceOf(java.net.SocketTimeoutException.class)
        .isNotInstanceOf(DnsTimeoutException.class);
  }

  @Test
  void aQuestionThatNeverGetsASlotSaysItWasNeverSent() {
    dns.mode("silent.example.test", Mode.SILENT).answer("late.example.test", "198.18.0.4");
    SharedResolver oneSlot = SharedResolver.over(Resolver.system(dns.address()), 1);
    holdsTheSlot(oneSlot.ask("silent.example.test", RecordType.A, Duration.ofSeconds(5)));
    // A budget shorter than the time the silent question holds the only slot.
    Question late = oneSlot.ask("late.example.test", RecordType.A, Duration.ofMillis(100));
    assertThatThrownBy(() -> late.await(Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            DnsTimeoutException.class,
            e -> assertThat(e.describe("late.example.test")).contains("never sent"));
    assertThat(dns.queries("late.example.test", "A")).isZero();
  }

  /**
   * Waits until {@code question} has left, so that it, not a question asked after it, holds the
   * only slot: each question starts on its own thread, and the first to start is not guaranteed.
   */
  private static void holdsTheSlot(Question question) {
    Question.awaitSent(List.of(question), Duration.ofSeconds(5));
    assertThat(question.isSent()).as("the first question has left").isTrue();
  }

  /** {@code network}, counting its queries in flight and the most at once. */
  private static Resolver watched(Resolver network, AtomicInteger inFlight, AtomicInteger most) {
    return new Resolver() {
      @Override
      public DnsAnswer query(String name, RecordType type, Duration timeout) throws IOException {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          return network.query(name, type, timeout);
        } finally {
          inFlight.decrementAndGet();
        }
      }

      @Override
      public List<String> servers() {
        return network.servers();
      }
    };
  }

  private interface Ask {
    DnsAnswer ask(int index) throws IOException;
  }

  private static List<DnsAnswer> concurrently(int count, Ask ask) throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<DnsAnswer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<DnsAnswer> task = () -> ask.ask(index);
        futures.add(threads.submit(task));
      }
      List<DnsAnswer> answers = new ArrayList<>();
      for (Future<DnsAnswer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    }
  }
}
