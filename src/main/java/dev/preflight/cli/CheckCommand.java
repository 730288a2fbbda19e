package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.run.CheckSettings;
import dev.preflight.run.SystemCheck;
import dev.preflight.verdict.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code preflight check}: probes every endpoint the chosen scenarios need from this machine, all
 * at once, and prints the judged report. Its exit code is the verdict (0, 1, 2); bad options and
 * unreadable files are 3 through {@link ExitCodes}.
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
  @Mixin CheckOptions options = new CheckOptions();

  @Mixin ReportOptions reportOptions = new ReportOptions();

  @ParentCommand @Nullable PreflightCommand parent;

  @Spec @Nullable CommandSpec spec;

  private final Map<String, String> environment;
  private final Supplier<DnsSuffixes> suffixes;

  CheckCommand() {
    this(System.getenv(), DnsSuffixes::system);
  }

  /**
   * @param suffixes reads the network's DNS suffixes, for hybrid join without {@code --domain}
   */
  CheckCommand(Map<String, String> environment, Supplier<DnsSuffixes> suffixes) {
    this.environment = Map.copyOf(environment);
    this.suffixes = suffixes;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec().commandLine().getErr();
    boolean debug = parent != null && parent.debug;
    reportOptions.checkOutput(options.inputs());
    CheckSettings settings = options.settings(environment, suffixes);
    Streams streams = Streams.detect(environment, reportOptions.toStdout());
    RunObserver observer = new RunObserver(err, streams.progress(), debug);
    // The context first: its resolver gets ready (dnsjava's classes) while the catalog loads.
    ProbeContext context = SystemCheck.context(settings, observer);
    Catalog catalog = options.catalog();
    settings = options.withRoutes(settings, context);
    Report report = SystemCheck.create(context, Version.current()).run(catalog, settings, observer);
    observer.queriesSent(context.resolver().queriesSent());
    observer.done();
    if (options.tenant == null) {
      err.println(
          "Hint: --tenant contoso.com (a domain of your Entra tenant) also checks the tenant's own"
              + " sign-in, identity provider and enrollment service hosts.");
    }
    reportOptions.write(report, spec().commandLine().getOut(), streams.colour());
    return report.verdict().exitCode();
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
