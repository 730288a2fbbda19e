package dev.preflight.probe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Message;

/**
 * One query's UDP traffic: a connected {@link DatagramChannel} per server asked, each with a
 * virtual thread reading what comes back. Genuine replies and unusable servers are handed to the
 * querying thread as {@link Event}s; replies that do not match the query are counted and dropped.
 *
 * <p>Each channel is bound to its own ephemeral port, which the operating system picks at random,
 * and connected to its server, so the kernel delivers only datagrams from that address and port.
 * Closing the exchange closes every channel, which ends the readers.
 */
final class UdpExchange implements AutoCloseable {
  /** What a reader saw. */
  sealed interface Event {}

  /** A reply that matched the query. */
  record Reply(InetSocketAddress server, Message message) implements Event {}

  /** The server cannot be asked: ICMP port or host unreachable, or the socket failed. */
  record Unusable(InetSocketAddress server, IOException error) implements Event {}

  /** Larger than any reply to a query without EDNS (512 bytes); bigger datagrams are cut. */
  private static final int MAX_DATAGRAM = 4096;

  private final DnsQuery query;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Map<InetSocketAddress, DatagramChannel> channels = new LinkedHashMap<>();
  private final AtomicInteger discarded = new AtomicInteger();

  UdpExchange(DnsQuery query) {
    this.query = query;
  }

  DnsQuery query() {
    return query;
  }

  /** Sends the query to {@code server}, opening its channel on first use. */
  void send(InetSocketAddress server) throws IOException {
    DatagramChannel channel = channels.get(server);
    if (channel == null) {
      channel = DatagramChannel.open();
      channels.put(server, channel);
      channel.connect(server);
      DatagramChannel reading = channel;
      Thread.ofVirtual().name("dns-reply-" + query.name()).start(() -> read(server, reading));
    }
    channel.write(ByteBuffer.wrap(query.wire()));
  }

  /** The next event, waiting at most {@code wait}; null when none came in time. */
  @Nullable Event next(Duration wait) throws InterruptedException {
    return events.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
  }

  /** How many replies were dropped because they did not match the query. */
  int discarded() {
    return discarded.get();
  }

  private void read(InetSocketAddress server, DatagramChannel channel) {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    while (channel.isOpen()) {
      try {
        buffer.clear();
        channel.read(buffer);
        Message reply = query.match(Arrays.copyOf(buffer.array(), buffer.position()));
        if (reply == null) {
          discarded.incrementAndGet();
        } else {
          events.add(new Reply(server, reply));
        }
      } catch (ClosedChannelException e) {
        return; // the exchange is over
      } catch (IOException e) {
        events.add(new Unusable(server, e));
        return; // nothing listens there, or the socket broke: no reply will follow
      }
    }
  }

  @Override
  public void close() {
    for (DatagramChannel channel : channels.values()) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was pending on it that anyone still waits for
      }
    }
  }
}
