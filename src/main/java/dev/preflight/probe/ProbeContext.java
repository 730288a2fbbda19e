package dev.preflight.probe;

import dev.preflight.probe.net.Clock;
import dev.preflight.probe.net.Connector;
import dev.preflight.probe.net.Resolver;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every probe shares in one run: limits, trust material and the network seams. Immutable and
 * safe to share between concurrent probes (the seams are thread-safe).
 *
 * @param timeout the per-probe deadline: the total budget of one probe, all phases included
 * @param extraRoots roots from {@code --ca-file}, accepted as legitimate public roots
 * @param dnsServer the server given with {@code --dns-server}, or null for the system resolver
 * @param resolver asks DNS (aimed at {@code dnsServer} when one is given)
 * @param connector opens connections and UDP exchanges
 * @param clock the monotonic and wall clocks
 * @param listener observes phases (progress, metrics)
 */
public record ProbeContext(
    Duration timeout,
    List<X509Certificate> extraRoots,
    @Nullable InetSocketAddress dnsServer,
    Resolver resolver,
    Connector connector,
    Clock clock,
    ProbeListener listener) {
  public ProbeContext {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    if (!timeout.isPositive()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    extraRoots = List.copyOf(extraRoots);
  }

  /** The system seams; kept so that code written against the first three fields still compiles. */
  public ProbeContext(
      Duration timeout, List<X509Certificate> extraRoots, @Nullable InetSocketAddress dnsServer) {
    this(
        timeout,
        extraRoots,
        dnsServer,
        Resolver.system(dnsServer),
        Connector.system(),
        Clock.system(),
        ProbeListener.NONE);
  }

  /**
   * The context for real runs: the system resolver (or {@code dnsServer}), plain sockets and the
   * JVM clocks, with no listener.
   */
  public static ProbeContext system(
      Duration timeout, List<X509Certificate> extraRoots, @Nullable InetSocketAddress dnsServer) {
    return new ProbeContext(timeout, extraRoots, dnsServer);
  }

  public ProbeContext withTimeout(Duration newTimeout) {
    return new ProbeContext(
        newTimeout, extraRoots, dnsServer, resolver, connector, clock, listener);
  }

  public ProbeContext withResolver(Resolver newResolver) {
    return new ProbeContext(
        timeout, extraRoots, dnsServer, newResolver, connector, clock, listener);
  }

  public ProbeContext withConnector(Connector newConnector) {
    return new ProbeContext(
        timeout, extraRoots, dnsServer, resolver, newConnector, clock, listener);
  }

  public ProbeContext withClock(Clock newClock) {
    return new ProbeContext(
        timeout, extraRoots, dnsServer, resolver, connector, newClock, listener);
  }

  public ProbeContext withListener(ProbeListener newListener) {
    return new ProbeContext(
        timeout, extraRoots, dnsServer, resolver, connector, clock, newListener);
  }
}
