package dev.preflight.probe;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every probe shares in one run.
 *
 * @param timeout the per-probe deadline
 * @param extraRoots roots from {@code --ca-file}, accepted as legitimate public roots
 * @param maxSkew the largest tolerated clock offset
 * @param dnsServer the server given with {@code --dns-server}, or null for the system resolver
 */
public record ProbeContext(
    Duration timeout,
    List<X509Certificate> extraRoots,
    Duration maxSkew,
    @Nullable InetSocketAddress dnsServer) {
  public ProbeContext {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxSkew, "maxSkew");
    extraRoots = List.copyOf(extraRoots);
  }
}
