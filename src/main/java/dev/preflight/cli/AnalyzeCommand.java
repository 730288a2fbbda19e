package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.common.InputException;
import dev.preflight.policy.PolicyEvaluator;
import dev.preflight.probe.net.LocalMachine;
import dev.preflight.run.AnalyzePolicies;
import dev.preflight.run.AnalyzeRun;
import dev.preflight.run.PacFetcher;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code preflight analyze}: judges a PAC file, an allowlist and/or a Squid configuration offline,
 * for every endpoint the chosen scenarios need, and prints the same report as {@code check} with
 * {@code "mode": "analyze"}. Several configurations combine: an endpoint's worst outcome wins. Its
 * exit code is the verdict (0, 1, 2); bad options and malformed files are 3.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Judges a proxy or firewall configuration offline, without sending traffic.",
      "Give a PAC script, an allowlist, a Squid configuration, or several at once."
    })
final class AnalyzeCommand extends CommandBase {
  @Option(
      names = "--pac",
      paramLabel = "FILE|URL",
      description = "Proxy auto-config script: evaluates FindProxyForURL for every endpoint.")
  @Nullable String pac;

  @Option(
      names = "--allowlist",
      paramLabel = "FILE",
      description =
          "Firewall allowlist: a host or *.wildcard a line, or CSV (comma, semicolon or tab)"
              + " with a host column.")
  @Nullable Path allowlist;

  @Option(
      names = "--squid",
      paramLabel = "FILE",
      description = "Squid configuration (squid.conf), following its include files.")
  @Nullable Path squid;

  @Mixin SelectionOptions selection = new SelectionOptions();

  @Option(
      names = "--resolve",
      paramLabel = "MODE",
      defaultValue = "offline",
      description = "How PAC DNS helpers resolve: offline (default), hosts:FILE or system.")
  String resolve = "offline";

  @Option(
      names = "--config-root",
      paramLabel = "DIR",
      description = {
        "A copy of the proxy's file system: absolute paths inside the configuration (include and"
            + " acl files) resolve under DIR as if it were /, and so do relative ones, as for Squid"
            + " started from /. Nothing outside DIR is read."
      })
  @Nullable Path configRoot;

  @Option(
      names = "--client-ip",
      paramLabel = "IP",
      description = "The address myIpAddress() returns and squid src acls see.")
  @Nullable String clientIp;

  @Mixin ReportOptions reportOptions = new ReportOptions();

  @Override
  public Integer call() throws IOException {
    if (pac == null && allowlist == null && squid == null) {
      throw new InputException("analyze", "give at least one of --pac, --allowlist or --squid");
    }
    reportOptions.check(inputs());
    AnalyzePolicies.resolver(resolve);
    if (clientIp != null) {
      AnalyzePolicies.clientAddress(clientIp);
    }
    AnalyzePolicies.configRoot(configRoot);
    Catalog catalog = CatalogLoader.load(selection.catalogFiles);
    AnalyzeRun run = new AnalyzeRun(catalog, selection.scenarioList(), selection.tpm, evaluators());
    Report report = run.run(Version.current(), LocalMachine.inspect(), Clock.systemUTC());
    reportOptions.write(report, out(), colour(reportOptions.toStdout()));
    reportOptions.close(report, err(), terminal());
    return report.verdict().exitCode();
  }

  private List<Output.Input> inputs() {
    List<Output.Input> inputs = new ArrayList<>(selection.inputs());
    if (pac != null && !PacFetcher.isUrl(pac)) {
      inputs.add(new Output.Input("--pac", Path.of(pac)));
    }
    if (allowlist != null) {
      inputs.add(new Output.Input("--allowlist", allowlist));
    }
    if (squid != null) {
      inputs.add(new Output.Input("--squid", squid));
    }
    if (resolve.startsWith("hosts:")) {
      inputs.add(new Output.Input("--resolve", Path.of(resolve.substring("hosts:".length()))));
    }
    return inputs;
  }

  private List<PolicyEvaluator> evaluators() {
    List<PolicyEvaluator> evaluators = new ArrayList<>();
    if (pac != null) {
      evaluators.add(AnalyzePolicies.pac(pac, resolve, clientIp));
    }
    if (allowlist != null) {
      evaluators.add(AnalyzePolicies.allowlist(allowlist));
    }
    if (squid != null) {
      evaluators.add(AnalyzePolicies.squid(squid, clientIp, configRoot));
    }
    return evaluators;
  }
}
