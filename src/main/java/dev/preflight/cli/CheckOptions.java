package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Scenario;
import dev.preflight.common.InputException;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.run.CaFile;
import dev.preflight.run.CheckSettings;
import dev.preflight.run.EnvironmentProxy;
import dev.preflight.run.FixedProxy;
import dev.preflight.run.ProxyAddress;
import dev.preflight.run.RouteSelector;
import dev.preflight.run.SystemCheck;
import dev.preflight.run.Tenant;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a live check probes and how: every option of {@code preflight check} except the report's
 * format, shared by {@code check} and {@code serve} so that both accept exactly the same ones.
 */
final class CheckOptions {
  @Mixin SelectionOptions selection = new SelectionOptions();

  @Option(
      names = "--proxy",
      paramLabel = "URL",
      description = "HTTP proxy for HTTP(S) probes (http://host:port, no credentials).")
  @Nullable String proxy;

  @Option(
      names = "--pac",
      paramLabel = "FILE|URL",
      description = "Proxy auto-config script deciding the route of each URL.")
  @Nullable String pac;

  @Option(
      names = "--dns-server",
      paramLabel = "HOST[:PORT]",
      converter = HostPortConverter.class,
      description = "Ask this DNS server (an IP address) instead of the system resolver.")
  @Nullable InetSocketAddress dnsServer;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description = "Extra root certificates accepted as legitimate public roots; repeatable.")
  List<Path> caFiles = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "Per-probe deadline: 500ms, 5s, 2m or ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout = Duration.ofSeconds(5);

  @Option(
      names = "--max-skew",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "Largest tolerated clock offset (default: ${DEFAULT-VALUE}).")
  Duration maxSkew = Duration.ofMinutes(5);

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description = "Most probes in flight at once (default: all).")
  @Nullable Integer parallelism;

  @Option(
      names = "--domain",
      paramLabel = "NAME",
      converter = DomainConverter.class,
      description = "Active Directory domain, for --scenario hybrid-join.")
  @Nullable String domain;

  @Option(
      names = "--tenant",
      paramLabel = "DOMAIN|UPN",
      converter = TenantConverter.class,
      description =
          "A domain of your Entra tenant (or a user's UPN): also check the tenant's own sign-in,"
              + " identity provider and enrollment service hosts.")
  @Nullable Tenant tenant;

  /** The merged catalog: the shipped one plus every {@code --catalog} file. */
  Catalog catalog() {
    return CatalogLoader.load(selection.catalogFiles);
  }

  /**
   * The validated settings, routes from {@code --proxy} or the proxy variables of {@code
   * environment}; a {@code --pac} script is added by {@link #withRoutes} once the run's resolver
   * exists.
   */
  CheckSettings settings(Map<String, String> environment) {
    return settings(environment, DnsSuffixes::system);
  }

  /**
   * Like {@link #settings(Map)}, reading the network's DNS suffixes with {@code suffixes} when
   * hybrid join has no {@code --domain}.
   */
  CheckSettings settings(Map<String, String> environment, Supplier<DnsSuffixes> suffixes) {
    if (proxy != null && pac != null) {
      throw new InputException("--proxy", "give either --proxy or --pac, not both");
    }
    if (parallelism != null && parallelism < 1) {
      throw new InputException("--parallelism", "must be at least 1, not " + parallelism);
    }
    List<X509Certificate> roots = new ArrayList<>();
    caFiles.forEach(file -> roots.addAll(CaFile.read(file)));
    RouteSelector routes =
        proxy != null
            ? new FixedProxy(ProxyAddress.parse("--proxy", proxy))
            : EnvironmentProxy.from(environment).orElse(RouteSelector.DIRECT);
    return CheckSettings.builder()
        .scenarios(selection.scenarioList())
        .tpm(selection.tpm)
        .domain(domain)
        .timeout(timeout)
        .maxSkew(maxSkew)
        .parallelism(parallelism == null ? 0 : parallelism)
        .routes(routes)
        .dnsServer(dnsServer)
        .extraRoots(roots)
        .tenant(tenant)
        .domainSuffixes(
            domain == null && selection.scenarioSet().contains(Scenario.HYBRID_JOIN)
                ? suffixes.get()
                : null)
        .build();
  }

  /** The PAC script needs the run's resolver for its DNS helpers, so it is loaded last. */
  CheckSettings withRoutes(CheckSettings settings, ProbeContext context) {
    if (pac == null) {
      return settings;
    }
    return settings.withRoutes(SystemCheck.pac(pac, timeout, context.resolver()));
  }
}
