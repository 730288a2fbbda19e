package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK's name lookup, used only when no nameserver is configured. {@link InetAddress} has no
 * timeout of its own, so the lookup runs in a virtual thread and the caller waits at most the
 * timeout; a lookup that hangs is abandoned, never joined. The JDK cannot tell NXDOMAIN from "no
 * data" nor ask for SRV or SOA records: unknown names come back as NXDOMAIN and other types as
 * SERVFAIL with an explaining exception.
 */
final class JdkResolver implements Resolver {
  private final QueryCounts asked = new QueryCounts();

  @Override
  public DnsAnswer query(String name, RecordType type, Duration timeout) throws IOException {
    if (type != RecordType.A && type != RecordType.AAAA) {
      throw new IOException("the system resolver cannot look up " + type + " records");
    }
    if (!timeout.isPositive()) {
      throw new SocketTimeoutException("no time left to resolve " + name);
    }
    asked.add(name);
    CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
    Thread.ofVirtual().name("resolve-" + name).start(() -> complete(lookup, name));
    try {
      InetAddress[] all = lookup.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      Class<?> wanted = type == RecordType.A ? Inet4Address.class : Inet6Address.class;
      List<IpAddress> addresses =
          Arrays.stream(all).filter(wanted::isInstance).map(Inet::address).toList();
      return DnsAnswer.ofAddresses(addresses);
    } catch (TimeoutException e) {
      throw new SocketTimeoutException("no answer from the system resolver for " + name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketTimeoutException("interrupted while resolving " + name);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException) {
        return DnsAnswer.of(DnsAnswer.Rcode.NXDOMAIN);
      }
      throw new IOException(String.valueOf(e.getCause()), e.getCause());
    }
  }

  @Override
  public List<String> servers() {
    return List.of("system");
  }

  /** The lookups handed to the JDK, per name: how many packets it sent for them is its own. */
  @Override
  public Map<String, Integer> queriesSent() {
    return asked.snapshot();
  }

  private static void complete(CompletableFuture<InetAddress[]> lookup, String name) {
    try {
      lookup.complete(InetAddress.getAllByName(name));
    } catch (UnknownHostException | RuntimeException e) {
      lookup.completeExceptionally(e);
    }
  }
}
