package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.common.InputException;
import dev.preflight.probe.ProbeContext;
import dev.preflight.run.CaFile;
import dev.preflight.run.CheckSettings;
import dev.preflight.run.EnvironmentProxy;
import dev.preflight.run.FixedProxy;
import dev.preflight.run.PacFetcher;
import dev.preflight.run.ProxyAddress;
import dev.preflight.run.RouteSelector;
import dev.preflight.run.SystemCheck;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code preflight check}: probes every endpoint the chosen scenarios need from this machine, all
 * at once, and prints the judged report. Its exit code is the verdict (0, 1, 2, or 3 when an
 * endpoint Autopilot needs could not be judged); bad options and unreadable files are 3 through
 * {@link ExitCodes}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Probes the live network from this machine and judges Windows Autopilot readiness.",
      "Every endpoint is probed at once; the run takes about one --timeout."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:READY: every endpoint the scenario needs passed",
      "1:DEGRADED: Autopilot would finish, but something it uses is missing",
      "2:BLOCKED: Autopilot would fail",
      "3:UNKNOWN: an endpoint Autopilot needs could not be judged, bad options, unreadable"
          + " input, internal error"
    })
final class CheckCommand implements Callable<Integer> {
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

  @Mixin ReportOptions reportOptions = new ReportOptions();

  @ParentCommand @Nullable PreflightCommand parent;

  @Spec @Nullable CommandSpec spec;

  private final Map<String, String> environment;

  CheckCommand() {
    this(System.getenv());
  }

  CheckCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec().commandLine().getErr();
    boolean debug = parent != null && parent.debug;
    reportOptions.checkOutput(inputs());
    CheckSettings settings = settings(debug);
    Catalog catalog = CatalogLoader.load(selection.catalogFiles);
    Streams streams = Streams.detect(environment, reportOptions.toStdout());
    RunObserver observer = new RunObserver(err, streams.progress(), debug);
    ProbeContext context = SystemCheck.context(settings, observer);
    settings = withRoutes(settings, context);
    Report report = SystemCheck.create(context, Version.current()).run(catalog, settings, observer);
    observer.done();
    reportOptions.write(report, spec().commandLine().getOut(), streams.colour());
    return report.verdict().exitCode();
  }

  private CheckSettings settings(boolean debug) {
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
        .build();
  }

  private List<Output.Input> inputs() {
    List<Output.Input> inputs = new ArrayList<>(selection.inputs());
    inputs.addAll(Output.Input.all("--ca-file", caFiles));
    if (pac != null && !PacFetcher.isUrl(pac)) {
      inputs.add(new Output.Input("--pac", Path.of(pac)));
    }
    return inputs;
  }

  /** The PAC script needs the run's resolver for its DNS helpers, so it is loaded last. */
  private CheckSettings withRoutes(CheckSettings s, ProbeContext context) {
    if (pac == null) {
      return s;
    }
    return s.withRoutes(SystemCheck.pac(pac, timeout, context.resolver()));
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
