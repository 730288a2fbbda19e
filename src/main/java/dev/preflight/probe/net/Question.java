package dev.preflight.probe.net;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One question of a {@link SharedResolver}, shared by everyone who asked it: when it left for the
 * network, and its answer. Thread-safe.
 */
public final class Question {
  private final CompletableFuture<Void> sent = new CompletableFuture<>();
  private final CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
  private volatile long answeredAt;

  Question() {
    answer.whenComplete((a, e) -> sent.complete(null));
  }

  /**
   * Waits until each of {@code questions} has left for the network (or has ended without), at most
   * {@code limit}. What passes here is local queueing, not network time.
   */
  public static void awaitSent(List<Question> questions, Duration limit) {
    CompletableFuture<?>[] all =
        questions.stream().map(q -> q.sent).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(all).get(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still queued: the answer's own wait ends in a timeout
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The answer, waiting at most {@code wait}.
   *
   * @throws SocketTimeoutException when no answer came in time
   * @throws IOException the failure that ended the question (timeout, unreachable server...)
   */
  public DnsAnswer await(Duration wait) throws IOException {
    return Waits.get(
        answer, wait, () -> new SocketTimeoutException("the resolver did not return in time"));
  }

  /** True once the question has left for the network, or has ended. */
  boolean isSent() {
    return sent.isDone();
  }

  /** True while the question is pending or once it was answered: later askers may share it. */
  boolean shareable() {
    return !answer.isCompletedExceptionally();
  }

  void markSent() {
    sent.complete(null);
  }

  /**
   * How long ago the answer arrived; zero when it has not. A thread that waited for the answer may
   * resume well after it arrived, when the machine is busy: that delay is CPU, not network.
   */
  public Duration sinceAnswered() {
    return answer.isDone() && !answer.isCompletedExceptionally()
        ? Duration.ofNanos(System.nanoTime() - answeredAt)
        : Duration.ZERO;
  }

  void complete(DnsAnswer value) {
    answeredAt = System.nanoTime();
    answer.complete(value);
  }

  void fail(Throwable error) {
    answer.completeExceptionally(error);
  }

  /**
   * Ends the question with a timeout unless it ended within {@code limit}: a resolver that
   * overstays its own timeout must not hold its askers, nor keep the question shared.
   */
  void bound(Duration limit) {
    CompletableFuture.delayedExecutor(limit.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () ->
                answer.completeExceptionally(
                    new SocketTimeoutException("the resolver did not return within its timeout")));
  }
}
