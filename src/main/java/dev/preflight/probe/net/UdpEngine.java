package dev.preflight.probe.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that does the UDP I/O of every DNS query in the process: a platform thread with a
 * {@link Selector}, so that a reply is read the moment it arrives. A reply read by a virtual thread
 * waits for the JDK's poller and a carrier thread, which are virtual-thread work themselves; while
 * TLS handshakes keep the carriers busy, that wait measured seconds against a resolver answering in
 * a millisecond. Only the match (parsing the reply) happens here; decoding is the caller's.
 *
 * <p>Exchanges ({@link UdpExchange}) are handed over through a queue after their first send and
 * then touched by this thread only. Work per wake-up is bounded by what is ready: the schedule is a
 * priority queue.
 */
final class UdpEngine {
  /** What a readable channel belongs to. */
  record Source(UdpExchange exchange, InetSocketAddress server) {}

  private static final class Holder {
    static final UdpEngine INSTANCE = new UdpEngine();
  }

  private final Selector selector;
  private final Queue<UdpExchange> incoming = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<UdpExchange> schedule =
      new PriorityQueue<>(Comparator.comparingLong(UdpExchange::nextEvent));

  private UdpEngine() {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for DNS", e);
    }
    Thread.ofPlatform()
        .daemon()
        .name("preflight-dns")
        .start(
            () -> {
              DnsQuery.warmUp();
              loop();
            });
  }

  /** The process's engine, started on first use. */
  static UdpEngine get() {
    return Holder.INSTANCE;
  }

  /**
   * Sends {@code exchange}'s first query on the calling thread, so that a burst of lookups is not
   * serialised through this one, then hands it over; its result completes on this engine's thread.
   */
  CompletableFuture<UdpExchange.Reply> start(UdpExchange exchange) {
    exchange.begin(System.nanoTime());
    incoming.add(exchange);
    selector.wakeup();
    return exchange.result();
  }

  private void loop() {
    while (true) {
      try {
        admit();
        tick();
        selector.select(waitMillis());
        for (SelectionKey key : selector.selectedKeys()) {
          Source source = (Source) key.attachment();
          source.exchange().readable(source.server(), (DatagramChannel) key.channel());
          reschedule(source.exchange());
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        // One broken exchange must not stop DNS for the others: end them all, keep serving.
        abortAll(e);
      }
    }
  }

  private void admit() {
    for (UdpExchange exchange = incoming.poll(); exchange != null; exchange = incoming.poll()) {
      if (exchange.done()) {
        continue; // every server refused the first send
      }
      try {
        exchange.admit(selector);
        schedule.add(exchange);
      } catch (IOException e) {
        exchange.abort(e);
      }
    }
  }

  private void tick() {
    long now = System.nanoTime();
    while (!schedule.isEmpty() && now - schedule.peek().nextEvent() >= 0) {
      UdpExchange due = schedule.poll();
      due.tick(now);
      if (!due.done()) {
        schedule.add(due);
      }
    }
  }

  private void reschedule(UdpExchange exchange) {
    schedule.remove(exchange);
    if (!exchange.done()) {
      schedule.add(exchange);
    }
  }

  /** Until the next resend or deadline; 0 (no limit) when nothing is scheduled. */
  private long waitMillis() {
    UdpExchange next = schedule.peek();
    if (next == null) {
      return 0;
    }
    long nanos = next.nextEvent() - System.nanoTime();
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
  }

  private void abortAll(Exception error) {
    List<UdpExchange> all = new ArrayList<>(schedule);
    schedule.clear();
    for (UdpExchange exchange : all) {
      exchange.abort(error);
    }
  }
}
