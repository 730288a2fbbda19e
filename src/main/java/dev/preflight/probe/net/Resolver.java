package dev.preflight.probe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Asks DNS one question. Implementations never block longer than the given timeout: a question that
 * gets no answer in time ends in a {@link java.net.SocketTimeoutException}.
 */
public interface Resolver {
  /**
   * Sends one query for {@code name} (absolute; a trailing dot is optional).
   *
   * @throws java.net.SocketTimeoutException when no answer arrives within {@code timeout}
   * @throws IOException when the resolver cannot be asked at all
   */
  DnsAnswer query(String name, RecordType type, Duration timeout) throws IOException;

  /**
   * Like {@link #query}, without holding the caller's thread: the future completes with the answer
   * or the {@link IOException} that ended the lookup, within the same bound. This default runs
   * {@link #query} in a virtual thread of its own.
   */
  default CompletableFuture<DnsAnswer> queryAsync(String name, RecordType type, Duration timeout) {
    CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("dns-" + name)
        .start(
            () -> {
              try {
                answer.complete(query(name, type, timeout));
              } catch (IOException | RuntimeException e) {
                answer.completeExceptionally(e);
              }
            });
    return answer;
  }

  /** The servers asked, as {@code host:port}, for the report's environment. */
  List<String> servers();

  /**
   * How many queries this resolver has sent so far, per name (lower case, no trailing dot), resends
   * and TCP retries included; for diagnostics. Resolvers that cannot tell return an empty map.
   */
  default Map<String, Integer> queriesSent() {
    return Map.of();
  }

  /**
   * The resolver the tool uses: {@code server} when given ({@code --dns-server}), else the
   * nameservers of the system configuration ({@code /etc/resolv.conf} and its equivalents), else,
   * when none is configured, the JDK's own name lookup in a virtual thread with a bounded wait.
   */
  static Resolver system(@Nullable InetSocketAddress server) {
    if (server != null) {
      return new StubResolver(List.of(server));
    }
    List<InetSocketAddress> configured = StubResolver.systemServers();
    return configured.isEmpty() ? new JdkResolver() : new StubResolver(configured);
  }
}
