package dev.preflight.probe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.config.ResolverConfigProvider;

/**
 * A stub resolver of its own that asks DNS servers directly, so that the response code (NXDOMAIN,
 * SERVFAIL, REFUSED) and the "no data" case stay visible, which the JDK's lookup hides. dnsjava
 * only encodes and decodes the messages; the UDP traffic is the {@link UdpEngine}'s.
 *
 * <ul>
 *   <li>It resends after 1 s, then 2 s, 4 s... rotating through the servers, and takes the first
 *       genuine reply to any copy ({@link UdpExchange}).
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

  private final List<InetSocketAddress> servers;
  private final QueryCounts sent = new QueryCounts();

  StubResolver(List<InetSocketAddress> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("servers must not be empty");
    }
    this.servers = List.copyOf(servers);
    UdpEngine.get(); // starts the engine, and dnsjava's class initialisation, before any query
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
    // The lookup ends itself at its deadline; the margin covers the engine's wake-up only.
    Duration wait = timeout.plusMillis(200);
    return Waits.get(
        queryAsync(name, type, timeout), wait, () -> DnsTimeoutException.unanswered(0));
  }

  /**
   * The lookup as a chain of steps that each continue where the last one completed (mostly on the
   * engine's thread), so that an answer is complete the moment its reply is read.
   */
  @Override
  public CompletableFuture<DnsAnswer> queryAsync(String name, RecordType type, Duration timeout) {
    if (!timeout.isPositive()) {
      return CompletableFuture.failedFuture(new SocketTimeoutException("no time left to ask DNS"));
    }
    return lookup(name, type, System.nanoTime() + timeout.toNanos(), null, 0);
  }

  @Override
  public List<String> servers() {
    return servers.stream().map(s -> s.getHostString() + ":" + s.getPort()).toList();
  }

  @Override
  public Map<String, Integer> queriesSent() {
    return sent.snapshot();
  }

  /** Asks for {@code name}, continuing {@code before}'s chain, and follows what stays open. */
  private CompletableFuture<DnsAnswer> lookup(
      String name, RecordType type, long deadline, @Nullable DnsAnswer before, int followUps) {
    DnsQuery query;
    try {
      query = DnsQuery.of(name, type);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return reply(query, deadline)
        .thenCompose(
            message -> {
              DnsReplies.Decoded decoded = DnsReplies.decode(message, query);
              DnsAnswer answer =
                  before == null ? decoded.answer() : before.continuedBy(decoded.answer());
              boolean open =
                  decoded.bareAlias()
                      && answer.rcode() == DnsAnswer.Rcode.NOERROR
                      && followUps < MAX_FOLLOW_UPS;
              return open
                  ? lookup(
                      Objects.requireNonNull(answer.target()),
                      type,
                      deadline,
                      answer,
                      followUps + 1)
                  : CompletableFuture.completedFuture(answer);
            });
  }

  /** The genuine UDP reply, or the TCP answer when that reply came back truncated. */
  private CompletableFuture<Message> reply(DnsQuery query, long deadline) {
    return UdpEngine.get()
        .start(new UdpExchange(query, servers, deadline, sent))
        .thenCompose(
            reply -> {
              if (!reply.message().getHeader().getFlag(Flags.TC)) {
                return CompletableFuture.completedFuture(reply.message());
              }
              sent.add(query.name());
              return overTcp(reply.server(), query, deadline);
            });
  }

  /** {@link TcpExchange} blocks, so it runs in a virtual thread of its own. */
  private static CompletableFuture<Message> overTcp(
      InetSocketAddress server, DnsQuery query, long deadline) {
    CompletableFuture<Message> answer = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("dns-tcp-" + query.name())
        .start(
            () -> {
              try {
                answer.complete(TcpExchange.ask(server, query, deadline));
              } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
              }
            });
    return answer;
  }
}
