package dev.preflight.probe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.config.ResolverConfigProvider;

/**
 * A stub resolver of its own that asks DNS servers directly, so that the response code (NXDOMAIN,
 * SERVFAIL, REFUSED) and the "no data" case stay visible, which the JDK's lookup hides. dnsjava
 * only encodes and decodes the messages; each query's thread sends its own datagrams and reads its
 * own replies, so concurrent lookups never queue behind one another.
 *
 * <ul>
 *   <li>It resends like the system stub resolvers, after 1 s, then 2 s, 4 s... rotating through the
 *       servers, and takes the first genuine reply to any copy: the Windows DNS client resends
 *       after one second, and a query a busy resolver dropped must not read as a timeout.
 *   <li>Replies that do not match the query ({@link DnsQuery}) are discarded and the wait goes on;
 *       when nothing genuine came, the {@link DnsTimeoutException} says how many were discarded.
 *   <li>A truncated reply (TC) is asked again over TCP of the same server ({@link TcpExchange}).
 *   <li>An alias whose target the reply leaves open is followed with a question for the target, at
 *       most {@link #MAX_FOLLOW_UPS} times.
 *   <li>A server that cannot be asked (ICMP unreachable) is skipped at once; when no server can be,
 *       the query fails with that error.
 * </ul>
 *
 * The whole lookup, follow-ups and TCP included, stays within the timeout.
 */
final class StubResolver implements Resolver {
  /** Further questions at most for the targets of one name's CNAME chain. */
  static final int MAX_FOLLOW_UPS = 4;

  private static final Duration FIRST_RESEND = Duration.ofSeconds(1);

  private final List<InetSocketAddress> servers;
  private final QueryCounts sent = new QueryCounts();

  StubResolver(List<InetSocketAddress> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("servers must not be empty");
    }
    this.servers = List.copyOf(servers);
  }

  /**
   * The nameservers the operating system configures, or an empty list. Unlike {@link
   * ResolverConfig#getCurrentConfig()} this does not invent {@code localhost:53} when nothing is
   * configured, so the caller can fall back to the JDK lookup instead.
   */
  static List<InetSocketAddress> systemServers() {
    for (ResolverConfigProvider provider : ResolverConfig.getConfigProviders()) {
      try {
        if (provider.isEnabled()) {
          provider.initialize();
          if (!provider.servers().isEmpty()) {
            return List.copyOf(provider.servers());
          }
        }
      } catch (Exception e) { // a provider that cannot read its source is simply skipped
        continue;
      }
    }
    return List.of();
  }

  @Override
  public DnsAnswer query(String name, RecordType type, Duration timeout) throws IOException {
    if (!timeout.isPositive()) {
      throw new SocketTimeoutException("no time left to ask DNS");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    DnsReplies.Decoded reply = ask(DnsQuery.of(name, type), deadline);
    DnsAnswer answer = reply.answer();
    boolean open = reply.bareAlias();
    for (int i = 0; open && i < MAX_FOLLOW_UPS; i++) {
      String target = Objects.requireNonNull(answer.target(), "target");
      DnsReplies.Decoded next = ask(DnsQuery.of(target, type), deadline);
      answer = answer.continuedBy(next.answer());
      open = next.bareAlias() && answer.rcode() == DnsAnswer.Rcode.NOERROR;
    }
    return answer;
  }

  @Override
  public List<String> servers() {
    return servers.stream().map(s -> s.getHostString() + ":" + s.getPort()).toList();
  }

  @Override
  public Map<String, Integer> queriesSent() {
    return sent.snapshot();
  }

  private DnsReplies.Decoded ask(DnsQuery query, long deadline) throws IOException {
    UdpExchange.Reply reply = exchange(query, deadline);
    Message message = reply.message();
    if (message.getHeader().getFlag(Flags.TC)) {
      sent.add(query.name());
      message = TcpExchange.ask(reply.server(), query, deadline);
    }
    return DnsReplies.decode(message, query);
  }

  /** Sends {@code query} by the resend schedule until a genuine reply or the deadline. */
  private UdpExchange.Reply exchange(DnsQuery query, long deadline) throws IOException {
    Set<InetSocketAddress> unusable = new HashSet<>();
    try (UdpExchange udp = new UdpExchange(query)) {
      int attempts = 0;
      long interval = FIRST_RESEND.toNanos();
      long resendAt = System.nanoTime();
      while (true) {
        long now = System.nanoTime();
        if (now - resendAt >= 0) {
          InetSocketAddress server = nextServer(attempts++, unusable);
          resendAt = send(udp, server, unusable) ? now + interval : now;
          interval *= 2;
          continue;
        }
        if (deadline - now <= 0) {
          throw DnsTimeoutException.unanswered(udp.discarded());
        }
        UdpExchange.Event event = udp.next(Duration.ofNanos(Math.min(deadline, resendAt) - now));
        if (event instanceof UdpExchange.Reply reply) {
          return reply;
        }
        if (event instanceof UdpExchange.Unusable failed) {
          refuseAll(unusable, failed.server(), failed.error());
          resendAt = now; // ask the next server at once
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketTimeoutException("interrupted while waiting for DNS");
    }
  }

  /** Sends once; false when the server turned out unusable (the caller moves on at once). */
  private boolean send(UdpExchange udp, InetSocketAddress server, Set<InetSocketAddress> unusable)
      throws IOException {
    try {
      sent.add(udp.query().name());
      udp.send(server);
      return true;
    } catch (IOException e) {
      refuseAll(unusable, server, e);
      return false;
    }
  }

  /** Marks {@code server} unusable; once every server is, the lookup fails with {@code error}. */
  private void refuseAll(
      Set<InetSocketAddress> unusable, InetSocketAddress server, IOException error)
      throws IOException {
    unusable.add(server);
    if (unusable.size() == servers.size()) {
      throw error;
    }
  }

  private InetSocketAddress nextServer(int attempt, Set<InetSocketAddress> unusable) {
    for (int i = 0; i < servers.size(); i++) {
      InetSocketAddress server = servers.get((attempt + i) % servers.size());
      if (!unusable.contains(server)) {
        return server;
      }
    }
    throw new IllegalStateException("every server is unusable"); // refuseAll threw already
  }
}
