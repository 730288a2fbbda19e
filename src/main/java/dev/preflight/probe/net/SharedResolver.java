package dev.preflight.probe.net;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The resolver of one run: each question — a name and a record type — goes to the network once and
 * is shared by everyone who asks it. An asker joins a question in flight instead of repeating it,
 * and an answered question answers every later asker without new traffic. A question that ended
 * without an answer (timeout, unreachable server) is not kept: a later asker, such as a second
 * attempt confirming a timeout, sends it again. Build one per run, so that answers never outlive
 * it.
 *
 * <p>At least {@link #MIN_IN_FLIGHT} and at most {@link #MAX_IN_FLIGHT} questions are on the wire
 * at once ({@link DnsWindow}), so that thousands of lookups starting together do not overflow a
 * small local resolver: a local dnsmasq answers at most about 256 queries arriving at once and
 * drops the rest ({@code bench/dns-burst.sh}: of 400, 144 were lost on a busy machine); the floor
 * keeps half that, and the window grows past it only behind a long round trip, while the answers
 * show the questions waiting in it rather than in the resolver. A question holds its place until it
 * ends or until {@link #HOLD} has passed: a resolver nearby answers in milliseconds, so one that
 * has not answered by then is dropping or slow, and letting the next questions go keeps a silent
 * resolver from stalling the queue for a whole timeout while the rate stays bounded. Waiting for a
 * place is local queueing: {@link Question#awaitSent} lets a caller keep it out of its network
 * clocks.
 */
public final class SharedResolver implements Resolver {
  /** Questions the run may always have on the wire at once. */
  public static final int MIN_IN_FLIGHT = 128;

  /** Most questions on the wire at once, however long the round trip. */
  public static final int MAX_IN_FLIGHT = 512;

  /** How long an unanswered question keeps its place in the window. */
  static final Duration HOLD = Duration.ofMillis(250);

  /** Beyond its timeout, the time a network resolver gets to return (thread scheduling). */
  private static final Duration GRACE = Duration.ofMillis(200);

  private record Key(String name, RecordType type) {}

  private final Resolver network;
  private final int minInFlight;
  private final int maxInFlight;
  private final DnsWindow window;
  private final ConcurrentMap<Key, Question> questions = new ConcurrentHashMap<>();

  private SharedResolver(Resolver network, int minInFlight, int maxInFlight) {
    this.network = Objects.requireNonNull(network, "network");
    this.minInFlight = minInFlight;
    this.maxInFlight = maxInFlight;
    this.window = new DnsWindow(minInFlight, maxInFlight);
  }

  /**
   * A fresh run resolver asking {@code network}, from {@link #MIN_IN_FLIGHT} to {@link
   * #MAX_IN_FLIGHT} at once.
   */
  public static SharedResolver over(Resolver network) {
    return new SharedResolver(network, MIN_IN_FLIGHT, MAX_IN_FLIGHT);
  }

  /** A fresh run resolver asking {@code network}, exactly {@code inFlight} at most at once. */
  public static SharedResolver over(Resolver network, int inFlight) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("inFlight must be at least 1: " + inFlight);
    }
    return new SharedResolver(network, inFlight, inFlight);
  }

  /** {@code resolver} itself when it is a run resolver, else a fresh one over it. */
  public static SharedResolver of(Resolver resolver) {
    return resolver instanceof SharedResolver shared ? shared : over(resolver);
  }

  /** A run resolver over the same network resolver and limit that has asked nothing yet. */
  public SharedResolver fresh() {
    return new SharedResolver(network, minInFlight, maxInFlight);
  }

  /**
   * The question for {@code name} and {@code type}: the one pending or answered, else a new one
   * that leaves as soon as a slot is free. Never blocks.
   *
   * @param timeout the new question's network budget, counted from when it leaves; its wait for a
   *     slot is bounded by the same amount
   */
  public Question ask(String name, RecordType type, Duration timeout) {
    Key key = new Key(QueryCounts.key(name), type);
    return questions.compute(
        key, (k, old) -> old != null && old.shareable() ? old : start(name, type, timeout));
  }

  /**
   * Asks, or joins, and waits for the answer: {@code timeout} in all, queueing included, plus the
   * moment the question needs to report its own end (so that its reason is not lost).
   */
  @Override
  public DnsAnswer query(String name, RecordType type, Duration timeout) throws IOException {
    return ask(name, type, timeout).await(timeout.plus(GRACE));
  }

  @Override
  public List<String> servers() {
    return network.servers();
  }

  @Override
  public Map<String, Integer> queriesSent() {
    return network.queriesSent();
  }

  private Question start(String name, RecordType type, Duration timeout) {
    Question question = new Question();
    Thread.ofVirtual().name("dns-" + name).start(() -> send(question, name, type, timeout));
    return question;
  }

  private void send(Question question, String name, RecordType type, Duration timeout) {
    DnsWindow.Place place;
    try {
      place = window.enter(timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      place = null;
    }
    if (place == null) {
      question.fail(DnsTimeoutException.neverSent(window.size()));
      return;
    }
    CompletableFuture.delayedExecutor(HOLD.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(place::unanswered);
    question.bound(timeout.plus(GRACE));
    question.markSent();
    CompletableFuture<DnsAnswer> answer;
    try {
      answer = network.queryAsync(name, type, timeout);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    DnsWindow.Place sent = place;
    // Completes on the thread that read the reply: the answer's arrival is recorded as it happens.
    answer.whenComplete(
        (value, error) -> {
          if (error == null) {
            sent.answered();
            question.complete(value);
          } else {
            sent.unanswered();
            question.fail(
                error instanceof CompletionException c && c.getCause() != null
                    ? c.getCause()
                    : error);
          }
        });
  }
}
