package dev.preflight.probe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.config.ResolverConfigProvider;

/**
 * Asks DNS servers directly with dnsjava, so the response code (NXDOMAIN, SERVFAIL, REFUSED) and
 * the "no data" case stay visible, which the JDK's lookup hides.
 */
final class DnsjavaResolver implements Resolver {
  private static final Duration RETRANSMIT = Duration.ofSeconds(1);

  private final List<InetSocketAddress> servers;

  DnsjavaResolver(List<InetSocketAddress> servers) {
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
    Name absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
    Message query = Message.newQuery(Record.newRecord(absolute, typeCode(type), DClass.IN));
    return answer(send(query, timeout), type);
  }

  @Override
  public List<String> servers() {
    return servers.stream().map(s -> s.getHostString() + ":" + s.getPort()).toList();
  }

  /**
   * Sends {@code query} and resends it after 1 s, then 2 s, 4 s... while no answer has come and
   * time is left, taking the first answer to any copy. Stub resolvers do the same (the Windows DNS
   * client resends after one second), and a burst of queries dropped by a busy resolver must not
   * read as {@link java.net.SocketTimeoutException}; the whole exchange stays within {@code
   * timeout}.
   */
  private Message send(Message query, Duration timeout) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    CompletableFuture<Message> first = new CompletableFuture<>();
    List<CompletableFuture<Message>> attempts = new ArrayList<>();
    Duration interval = RETRANSMIT;
    try {
      while (true) {
        Duration left = Duration.ofNanos(end - System.nanoTime());
        if (!left.isPositive()) {
          throw new SocketTimeoutException("no DNS answer within " + timeout.toMillis() + " ms");
        }
        attempts.add(attempt(query, servers.get(attempts.size() % servers.size()), left, first));
        Duration wait = left.compareTo(interval) < 0 ? left : interval;
        try {
          return first.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          interval = interval.multipliedBy(2);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketTimeoutException("interrupted while waiting for DNS");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } finally {
      attempts.forEach(a -> a.cancel(true));
    }
  }

  private CompletableFuture<Message> attempt(
      Message query, InetSocketAddress server, Duration left, CompletableFuture<Message> first) {
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTimeout(left);
    CompletableFuture<Message> attempt = resolver.sendAsync(query.clone()).toCompletableFuture();
    attempt.whenComplete(
        (answer, error) -> {
          if (answer != null) {
            first.complete(answer);
          } else if (!(error instanceof SocketTimeoutException)
              && !(error.getCause() instanceof SocketTimeoutException)) {
            // A definite failure (unreachable server, unparsable answer) ends the wait at once.
            first.completeExceptionally(error);
          }
        });
    return attempt;
  }

  private static IOException unwrap(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    return new IOException(String.valueOf(cause), cause);
  }

  private static DnsAnswer answer(Message response, RecordType type) {
    List<IpAddress> addresses = new ArrayList<>();
    List<ServiceRecord> services = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    int records = 0;
    for (Record record : response.getSection(Section.ANSWER)) {
      if (record.getType() != typeCode(type)) {
        continue; // CNAMEs and other records on the way to the answer
      }
      records++;
      switch (record) {
        case ARecord a -> addresses.add(IpAddress.of(a.getAddress()));
        case AAAARecord aaaa -> addresses.add(IpAddress.of(aaaa.getAddress()));
        case CNAMERecord cname -> aliases.add(cname.getTarget().toString(true));
        case SRVRecord srv ->
            services.add(
                new ServiceRecord(
                    srv.getTarget().toString(true),
                    srv.getPort(),
                    srv.getPriority(),
                    srv.getWeight()));
        default -> {
          // SOA: only its presence matters
        }
      }
    }
    return new DnsAnswer(rcode(response.getRcode()), addresses, services, records, aliases);
  }

  private static DnsAnswer.Rcode rcode(int code) {
    return switch (code) {
      case Rcode.NOERROR -> DnsAnswer.Rcode.NOERROR;
      case Rcode.NXDOMAIN -> DnsAnswer.Rcode.NXDOMAIN;
      case Rcode.SERVFAIL -> DnsAnswer.Rcode.SERVFAIL;
      case Rcode.REFUSED -> DnsAnswer.Rcode.REFUSED;
      default -> DnsAnswer.Rcode.OTHER;
    };
  }

  private static int typeCode(RecordType type) {
    return switch (type) {
      case A -> Type.A;
      case AAAA -> Type.AAAA;
      case SOA -> Type.SOA;
      case SRV -> Type.SRV;
      case CNAME -> Type.CNAME;
    };
  }
}
