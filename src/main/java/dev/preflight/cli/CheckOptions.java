package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.catalog.Scenario;
import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.ProxyUrl;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Route;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.run.CaFile;
import dev.preflight.run.CheckSettings;
import dev.preflight.run.EnvironmentProxy;
import dev.preflight.run.FixedProxy;
import dev.preflight.run.PacFetcher;
import dev.preflight.run.ProxySource;
import dev.preflight.run.RouteSelector;
import dev.preflight.run.SystemCheck;
import dev.preflight.run.Tenant;
import dev.preflight.run.proxy.ProxySetting;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      names = "--proxy-source",
      paramLabel = "device|system|none",
      description =
          "Where routes come from without --proxy or --pac: device (default) discovers WPAD as a"
              + " device in OOBE does, else direct; system uses this machine's own proxy"
              + " settings; none goes direct.")
  @Nullable String proxySource;

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

  /** The files these options read, which an {@code --output} must not overwrite. */
  List<Output.Input> inputs() {
    List<Output.Input> inputs = new ArrayList<>(selection.inputs());
    inputs.addAll(Output.Input.all("--ca-file", caFiles));
    if (pac != null && !PacFetcher.isUrl(pac)) {
      inputs.add(new Output.Input("--pac", Path.of(pac)));
    }
    return inputs;
  }

  /** The merged catalog: the shipped one plus every {@code --catalog} file. */
  Catalog catalog() {
    return CatalogLoader.load(selection.catalogFiles);
  }

  /**
   * The validated settings. Routes come from {@code --proxy}, else from the proxy variables of
   * {@code environment} when {@code --proxy-source} is not given (they stand for {@code --proxy},
   * as they always have), else from the proxy source, found anew by every run; a {@code --pac}
   * script is added by {@link #withRoutes} once the run's resolver exists.
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
    ProxySource source = proxySource();
    Optional<RouteSelector> variables =
        proxy == null && pac == null && proxySource == null
            ? EnvironmentProxy.from(environment)
            : Optional.empty();
    RouteSelector routes =
        proxy != null
            ? new FixedProxy(Route.proxy(ProxyUrl.parse("--proxy", proxy)))
            : variables.orElse(RouteSelector.DIRECT);
    boolean discovered = proxy == null && pac == null && variables.isEmpty();
    boolean walksSuffixes = discovered && source != ProxySource.NONE;
    boolean hybridWithoutDomain =
        domain == null && selection.scenarioSet().contains(Scenario.HYBRID_JOIN);
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
        .domainSuffixes(hybridWithoutDomain || walksSuffixes ? suffixes.get() : null)
        .proxySource(discovered ? source : null)
        .proxyVariables(walksSuffixes ? variables(environment, source) : null)
        .build();
  }

  private ProxySource proxySource() {
    if (proxySource == null) {
      return ProxySource.DEVICE;
    }
    return ProxySource.parse(proxySource)
        .orElseThrow(
            () ->
                new InputException(
                    "--proxy-source",
                    "'"
                        + Display.line(proxySource, 60)
                        + "' is not a proxy source; give device, system or none"));
  }

  /**
   * The proxy variables as the system setting they are on Linux: checked as {@code --proxy} is when
   * they decide the routes ({@code system}), ignored when malformed where they only inform the
   * comparison with a device ({@code device}).
   */
  private static @Nullable ProxySetting variables(
      Map<String, String> environment, ProxySource source) {
    try {
      return EnvironmentProxy.setting(environment).orElse(null);
    } catch (InputException e) {
      if (source == ProxySource.SYSTEM) {
        throw e;
      }
      return null;
    }
  }

  /** The PAC script needs the run's resolver for its DNS helpers, so it is loaded last. */
  CheckSettings withRoutes(CheckSettings settings, ProbeContext context) {
    if (pac == null) {
      return settings;
    }
    return settings.withRoutes(SystemCheck.pac(pac, timeout, context.resolver()));
  }
}
