package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.CatalogLoader;
import dev.preflight.common.InputException;
import dev.preflight.policy.PolicyEvaluator;
import dev.preflight.report.JsonReportRenderer;
import dev.preflight.report.ReportRenderer;
import dev.preflight.report.TextReportRenderer;
import dev.preflight.run.AnalyzePolicies;
import dev.preflight.run.AnalyzeRun;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
      "Judges a proxy or firewall configuration offline, without sending traffic:",
      "a PAC script, an allowlist, a Squid configuration, or several at once."
    })
final class AnalyzeCommand implements Callable<Integer> {
  enum Format {
    TEXT,
    JSON
  }

  @Option(
      names = "--pac",
      paramLabel = "FILE|URL",
      description = "Proxy auto-config script: evaluates FindProxyForURL for every endpoint.")
  @Nullable String pac;

  @Option(
      names = "--allowlist",
      paramLabel = "FILE",
      description = "Firewall allowlist: a host or *.wildcard a line, or CSV with a host column.")
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
      names = "--client-ip",
      paramLabel = "IP",
      description = "The address myIpAddress() returns and squid src acls see.")
  @Nullable String clientIp;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json.")
  Format format = Format.TEXT;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  @Nullable Path output;

  @Spec @Nullable CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (pac == null && allowlist == null && squid == null) {
      throw new InputException("analyze", "give at least one of --pac, --allowlist or --squid");
    }
    checkOutputWritable();
    AnalyzePolicies.resolver(resolve);
    if (clientIp != null) {
      AnalyzePolicies.clientAddress(clientIp);
    }
    Catalog catalog = CatalogLoader.load(selection.catalogFiles);
    AnalyzeRun run = new AnalyzeRun(catalog, selection.scenarioList(), selection.tpm, evaluators());
    Report report = run.run(Version.current(), Clock.systemUTC());
    boolean colour = Streams.detect(System.getenv(), output == null).colour();
    write(
        report, format == Format.TEXT ? new TextReportRenderer(colour) : new JsonReportRenderer());
    return report.verdict().exitCode();
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
      evaluators.add(AnalyzePolicies.squid(squid, clientIp));
    }
    return evaluators;
  }

  private void checkOutputWritable() {
    if (output == null) {
      return;
    }
    Path parentDir = output.toAbsolutePath().getParent();
    if (Files.isDirectory(output)) {
      throw new InputException(output.toString(), "is a directory; --output needs a file name");
    }
    if (parentDir == null || !Files.isDirectory(parentDir) || !Files.isWritable(parentDir)) {
      throw new InputException(
          output.toString(), "cannot write here: the directory is missing or read-only");
    }
  }

  private void write(Report report, ReportRenderer renderer) throws IOException {
    if (output == null) {
      PrintWriter out = spec().commandLine().getOut();
      renderer.render(report, out);
      out.flush();
      return;
    }
    try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      renderer.render(report, file);
    } catch (IOException e) {
      throw new InputException(
          output.toString(), 0, "cannot write the report: " + e.getMessage(), e);
    }
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
