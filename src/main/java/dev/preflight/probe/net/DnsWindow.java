package dev.preflight.probe.net;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * How many DNS questions may be on the wire at once: never fewer than {@code floor}, and more, up
 * to {@code ceiling}, only behind a long round trip and while the answers show that the extra
 * questions wait in that round trip, not in the resolver.
 *
 * <p>Why: what overflows a small resolver is the questions it holds at once (a local dnsmasq drops
 * what arrives beyond about 256 at once and forwards at most 150 at a time). On a resolver nearby,
 * the questions on the wire are the ones it holds, and the floor bounds them. Behind a long round
 * trip most of them are in transit instead, and a fixed window wastes the path: at 200 ms, 128
 * questions at a time take 6.6 s for 4,200. The window therefore grows only when even the fastest
 * answer took {@link #LONG_ROUND_TRIP}: a forwarder nearby that waits for its upstream answers
 * every question equally late, and its wait cannot be told from a round trip, so nearby the window
 * stays at the floor. Behind a long round trip it estimates the resolver's queue as a TCP Vegas
 * sender does: the fastest answer is the path, and what an answer took beyond it, as a share of
 * what it took, is the share of the window that waited in the resolver. Below half the floor the
 * window grows by one question per answer (doubling per round trip), above the floor it shrinks by
 * one, and a question left unanswered halves it: a loss means the resolver is full.
 */
final class DnsWindow {
  /** The fastest answer's time from which the window may grow: a resolver that far away. */
  static final long LONG_ROUND_TRIP = 100_000_000L;

  private final int floor;
  private final int ceiling;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private int size;
  private int onTheWire;
  private long fastestNanos = Long.MAX_VALUE;

  DnsWindow(int floor, int ceiling) {
    if (floor < 1 || ceiling < floor) {
      throw new IllegalArgumentException("window from " + floor + " to " + ceiling);
    }
    this.floor = floor;
    this.ceiling = ceiling;
    this.size = floor;
  }

  /** A question's place on the wire, given back once: by its answer, or when it is given up. */
  final class Place {
    private final long sentNanos = System.nanoTime();
    private final AtomicBoolean given = new AtomicBoolean();

    /** The question was answered now. */
    void answered() {
      if (given.compareAndSet(false, true)) {
        DnsWindow.this.answered(System.nanoTime() - sentNanos);
      }
    }

    /** The question is still unanswered, or failed, and no longer counts. */
    void unanswered() {
      if (given.compareAndSet(false, true)) {
        DnsWindow.this.unanswered();
      }
    }
  }

  /** A place on the wire from now, waiting at most {@code timeoutNanos}; null when none came. */
  @Nullable Place enter(long timeoutNanos) throws InterruptedException {
    return tryAcquire(timeoutNanos) ? new Place() : null;
  }

  /** Takes a place on the wire, waiting at most {@code timeoutNanos}; false when none came. */
  boolean tryAcquire(long timeoutNanos) throws InterruptedException {
    long left = timeoutNanos;
    lock.lock();
    try {
      while (onTheWire >= size) {
        if (left <= 0) {
          return false;
        }
        left = freed.awaitNanos(left);
      }
      onTheWire++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Gives the place back for a question answered after {@code elapsedNanos} on the wire. */
  void answered(long elapsedNanos) {
    lock.lock();
    try {
      fastestNanos = Math.min(fastestNanos, Math.max(1, elapsedNanos));
      double queued = size * (1 - (double) fastestNanos / Math.max(elapsedNanos, fastestNanos));
      if (queued < floor / 2.0 && fastestNanos >= LONG_ROUND_TRIP) {
        size = Math.min(ceiling, size + 1);
      } else if (queued > floor) {
        size = Math.max(floor, size - 1);
      }
      release();
    } finally {
      lock.unlock();
    }
  }

  /** Gives the place back for a question still unanswered: the resolver may be dropping. */
  void unanswered() {
    lock.lock();
    try {
      size = Math.max(floor, size / 2);
      release();
    } finally {
      lock.unlock();
    }
  }

  /** How many questions may be on the wire now. */
  int size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /** One waiter per free place, not all of them: thousands of lookups may be waiting. */
  private void release() {
    onTheWire--;
    for (int free = size - onTheWire; free > 0; free--) {
      freed.signal();
    }
  }
}
