package dev.preflight.run;

import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a check run is asked to do, already parsed and validated by the command line.
 *
 * @param scenarios the deployment modes to judge, in the order given (at least one)
 * @param tpm the device's TPM kind
 * @param domain the Active Directory domain for hybrid join, or null
 * @param timeout the per-probe deadline
 * @param maxSkew the largest tolerated clock offset
 * @param parallelism the most probes in flight at once; zero means no limit
 * @param routes how HTTP(S) requests leave this machine
 * @param dnsServer the DNS server to ask instead of the system resolver, or null
 * @param extraRoots roots accepted as legitimate public roots ({@code --ca-file})
 */
public record CheckSettings(
    List<Scenario> scenarios,
    Tpm tpm,
    @Nullable String domain,
    Duration timeout,
    Duration maxSkew,
    int parallelism,
    RouteSelector routes,
    @Nullable InetSocketAddress dnsServer,
    List<X509Certificate> extraRoots) {

  public CheckSettings {
    scenarios = List.copyOf(scenarios);
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("at least one scenario is needed");
    }
    Objects.requireNonNull(tpm, "tpm");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxSkew, "maxSkew");
    Objects.requireNonNull(routes, "routes");
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must not be negative: " + parallelism);
    }
    extraRoots = List.copyOf(extraRoots);
  }

  /** These settings with {@code newRoutes} deciding how HTTP(S) requests leave. */
  public CheckSettings withRoutes(RouteSelector newRoutes) {
    return new CheckSettings(
        scenarios, tpm, domain, timeout, maxSkew, parallelism, newRoutes, dnsServer, extraRoots);
  }
}
