package dev.preflight.cli;

import dev.preflight.catalog.Catalog;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.run.CheckSettings;
import dev.preflight.run.SystemCheck;
import dev.preflight.verdict.Report;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code preflight check}: probes every endpoint the chosen scenarios need from this machine, all
 * at once, and prints the judged report. A live progress line runs on standard error when it is a
 * terminal, and a closing line follows when the report is not in front of the reader. Its exit code
 * is the verdict (0, 1, 2); bad options and unreadable files are 3 through {@link ExitCodes}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Probes the live network from this machine and judges Windows Autopilot readiness.",
      "Every endpoint is probed at once; the run takes about one --timeout."
    })
final class CheckCommand extends CommandBase {
  @Mixin CheckOptions options = new CheckOptions();

  @Mixin ReportOptions reportOptions = new ReportOptions();

  @Override
  public Integer call() throws IOException {
    reportOptions.check(options.inputs());
    CheckSettings settings = options.settings(environment(), DnsSuffixes::system);
    boolean progress = terminal().stderr() && !reportOptions.quiet && !debug();
    int width = progress ? Terminal.columns(environment()) : 80;
    RunObserver observer = new RunObserver(err(), progress, debug(), settings.timeout(), width);
    // The context first: its resolver gets ready (dnsjava's classes) while the catalog loads.
    ProbeContext context = SystemCheck.context(settings, observer);
    Catalog catalog = options.catalog();
    settings = options.withRoutes(settings, context);
    Report report;
    observer.start();
    try {
      report = SystemCheck.create(context, Version.current()).run(catalog, settings, observer);
    } finally {
      observer.done();
    }
    observer.queriesSent(context.resolver().queriesSent());
    if (options.tenant == null && !reportOptions.quiet) {
      err()
          .println(
              "Hint: --tenant contoso.com (a domain of your Entra tenant) also checks the tenant's"
                  + " own sign-in, identity provider and enrollment service hosts.");
    }
    reportOptions.write(report, out(), colour(reportOptions.toStdout()));
    reportOptions.close(report, err(), terminal());
    return report.verdict().exitCode();
  }
}
