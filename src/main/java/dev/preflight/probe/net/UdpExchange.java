package dev.preflight.probe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Message;

/**
 * One query's UDP exchange: the sends by the resend schedule, a connected {@link DatagramChannel}
 * per server asked, and the replies read from them. The asking thread makes the first send ({@link
 * #begin}); from then on the {@link UdpEngine} thread alone drives it. The first genuine reply ends
 * it; replies that do not match the query are counted and dropped.
 *
 * <p>It resends like the system stub resolvers, after 1 s, then 2 s, 4 s... rotating through the
 * servers: the Windows DNS client resends after one second, and a query a busy resolver dropped
 * must not read as a timeout. A server that cannot be asked (ICMP port or host unreachable) is
 * skipped at once; when none can be, the exchange fails with that error. Each channel is bound to
 * its own ephemeral port, which the operating system picks at random, and connected to its server,
 * so the kernel delivers only datagrams from that address and port.
 */
final class UdpExchange {
  /** A reply that matched the query, and the server that sent it. */
  record Reply(InetSocketAddress server, Message message) {}

  private static final long FIRST_RESEND_NANOS = 1_000_000_000L;

  /** Larger than any reply to a query without EDNS (512 bytes); bigger datagrams are cut. */
  private static final int MAX_DATAGRAM = 4096;

  private final DnsQuery query;
  private final List<InetSocketAddress> servers;
  private final long deadline;
  private final QueryCounts sent;
  private final CompletableFuture<Reply> result = new CompletableFuture<>();
  private final Map<InetSocketAddress, DatagramChannel> channels = new LinkedHashMap<>();
  private final Set<InetSocketAddress> unusable = new HashSet<>();
  private int attempts;
  private long interval = FIRST_RESEND_NANOS;
  private long resendAt;
  private int discarded;
  private @Nullable Selector selector;

  UdpExchange(DnsQuery query, List<InetSocketAddress> servers, long deadline, QueryCounts sent) {
    this.query = query;
    this.servers = List.copyOf(servers);
    this.deadline = deadline;
    this.sent = sent;
    this.resendAt = System.nanoTime();
  }

  CompletableFuture<Reply> result() {
    return result;
  }

  boolean done() {
    return result.isDone();
  }

  /** Sends the query the first time, on the asking thread, before the engine takes it over. */
  void begin(long now) {
    send(now);
  }

  /** On the engine thread: watches the channels opened so far; later ones are watched at once. */
  void admit(Selector engine) throws IOException {
    selector = engine;
    for (Map.Entry<InetSocketAddress, DatagramChannel> open : channels.entrySet()) {
      watch(open.getValue(), open.getKey());
    }
  }

  /** When the exchange next needs the engine without a reply: a resend, or its deadline. */
  long nextEvent() {
    return Math.min(resendAt, deadline);
  }

  /** Acts on the schedule at {@code now}: the deadline ends the exchange, else a resend is due. */
  void tick(long now) {
    while (!done() && now - nextEvent() >= 0) {
      if (now - deadline >= 0) {
        finish();
        result.completeExceptionally(DnsTimeoutException.unanswered(discarded));
      } else {
        send(now);
      }
    }
  }

  /** Reads what {@code server} sent; called when its channel is readable. */
  void readable(InetSocketAddress server, DatagramChannel channel) {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    try {
      while (!done() && channel.read(buffer.clear()) > 0) {
        Message reply = query.match(Arrays.copyOf(buffer.array(), buffer.position()));
        if (reply == null) {
          discarded++;
        } else {
          finish();
          result.complete(new Reply(server, reply));
        }
      }
    } catch (IOException e) {
      unusable(server, e, System.nanoTime());
    }
  }

  /** Ends the exchange with {@code error}: the engine cannot go on with it. */
  void abort(Throwable error) {
    finish();
    result.completeExceptionally(error);
  }

  private void send(long now) {
    InetSocketAddress server = nextServer();
    try {
      sent.add(query.name());
      channel(server).write(ByteBuffer.wrap(query.wire()));
      resendAt = now + interval;
      interval *= 2;
    } catch (IOException e) {
      unusable(server, e, now);
    }
    attempts++;
  }

  private DatagramChannel channel(InetSocketAddress server) throws IOException {
    DatagramChannel channel = channels.get(server);
    if (channel == null) {
      channel = DatagramChannel.open();
      channels.put(server, channel);
      channel.configureBlocking(false);
      channel.connect(server);
      if (selector != null) {
        watch(channel, server);
      }
    }
    return channel;
  }

  /** A reply that came before the channel was watched waits in its buffer, and is read then. */
  private void watch(DatagramChannel channel, InetSocketAddress server) throws IOException {
    channel.register(
        Objects.requireNonNull(selector), SelectionKey.OP_READ, new UdpEngine.Source(this, server));
  }

  /** {@code server} cannot be asked; the next one is asked at once, unless none is left. */
  private void unusable(InetSocketAddress server, IOException error, long now) {
    unusable.add(server);
    if (unusable.size() == servers.size()) {
      finish();
      result.completeExceptionally(error);
    } else {
      resendAt = now;
    }
  }

  private InetSocketAddress nextServer() {
    for (int i = 0; i < servers.size(); i++) {
      InetSocketAddress server = servers.get((attempts + i) % servers.size());
      if (!unusable.contains(server)) {
        return server;
      }
    }
    throw new IllegalStateException("every server is unusable"); // unusable() ended it already
  }

  private void finish() {
    for (DatagramChannel channel : channels.values()) {
      try {
        channel.close(); // also cancels its key with the selector
      } catch (IOException e) {
        // nothing that anyone still waits for was pending on it
      }
    }
    channels.clear();
  }
}
