package dev.preflight.run;

import dev.preflight.catalog.Scenario;
import dev.preflight.catalog.Tpm;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.run.proxy.ProxySetting;
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
 * @param routes how HTTP(S) requests leave this machine, when given ({@code --proxy}, {@code
 *     --pac}, the proxy variables); otherwise found anew for every run from {@code proxySource}
 * @param dnsServer the DNS server to ask instead of the system resolver, or null
 * @param extraRoots roots accepted as legitimate public roots ({@code --ca-file})
 * @param tenant the customer's tenant for tenant discovery ({@code --tenant}), or null
 * @param domainSuffixes the network's DNS suffixes, tried for hybrid join when {@code domain} is
 *     null and walked by WPAD discovery; null when none were read
 * @param proxySource where routes come from ({@code --proxy-source}); null when {@code routes} was
 *     given
 * @param proxyVariables the {@code *_PROXY} variables as a setting of this machine, which {@code
 *     system} uses on Linux and other Unix; null when none is set
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
    List<X509Certificate> extraRoots,
    @Nullable Tenant tenant,
    @Nullable DnsSuffixes domainSuffixes,
    @Nullable ProxySource proxySource,
    @Nullable ProxySetting proxyVariables) {

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

  /** These settings with {@code newRoutes} given: they decide how HTTP(S) requests leave. */
  public CheckSettings withRoutes(RouteSelector newRoutes) {
    return toBuilder().routes(newRoutes).proxySource(null).build();
  }

  /** A builder starting from the defaults of {@code preflight check}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings, for a copy that differs in a few fields. */
  public Builder toBuilder() {
    return new Builder()
        .scenarios(scenarios)
        .tpm(tpm)
        .domain(domain)
        .timeout(timeout)
        .maxSkew(maxSkew)
        .parallelism(parallelism)
        .routes(routes)
        .dnsServer(dnsServer)
        .extraRoots(extraRoots)
        .tenant(tenant)
        .domainSuffixes(domainSuffixes)
        .proxySource(proxySource)
        .proxyVariables(proxyVariables);
  }

  /** Collects settings field by field; {@link #build()} validates them. */
  public static final class Builder {
    private List<Scenario> scenarios = List.of(Scenario.USER_DRIVEN);
    private Tpm tpm = Tpm.DISCRETE;
    private @Nullable String domain;
    private Duration timeout = Duration.ofSeconds(5);
    private Duration maxSkew = Duration.ofMinutes(5);
    private int parallelism;
    private RouteSelector routes = RouteSelector.DIRECT;
    private @Nullable InetSocketAddress dnsServer;
    private List<X509Certificate> extraRoots = List.of();
    private @Nullable Tenant tenant;
    private @Nullable DnsSuffixes domainSuffixes;
    private @Nullable ProxySource proxySource;
    private @Nullable ProxySetting proxyVariables;

    private Builder() {}

    public Builder scenarios(List<Scenario> value) {
      scenarios = value;
      return this;
    }

    public Builder tpm(Tpm value) {
      tpm = value;
      return this;
    }

    public Builder domain(@Nullable String value) {
      domain = value;
      return this;
    }

    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    public Builder maxSkew(Duration value) {
      maxSkew = value;
      return this;
    }

    public Builder parallelism(int value) {
      parallelism = value;
      return this;
    }

    public Builder routes(RouteSelector value) {
      routes = value;
      return this;
    }

    public Builder dnsServer(@Nullable InetSocketAddress value) {
      dnsServer = value;
      return this;
    }

    public Builder extraRoots(List<X509Certificate> value) {
      extraRoots = value;
      return this;
    }

    public Builder tenant(@Nullable Tenant value) {
      tenant = value;
      return this;
    }

    public Builder domainSuffixes(@Nullable DnsSuffixes value) {
      domainSuffixes = value;
      return this;
    }

    public Builder proxySource(@Nullable ProxySource value) {
      proxySource = value;
      return this;
    }

    public Builder proxyVariables(@Nullable ProxySetting value) {
      proxyVariables = value;
      return this;
    }

    public CheckSettings build() {
      return new CheckSettings(
          scenarios,
          tpm,
          domain,
          timeout,
          maxSkew,
          parallelism,
          routes,
          dnsServer,
          extraRoots,
          tenant,
          domainSuffixes,
          proxySource,
          proxyVariables);
    }
  }
}
