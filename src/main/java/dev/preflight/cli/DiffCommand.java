package dev.preflight.cli;

import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.monitor.DiffRenderer;
import dev.preflight.monitor.History;
import dev.preflight.monitor.ReportDiff;
import dev.preflight.monitor.ReportReader;
import dev.preflight.monitor.ReportSummary;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code preflight diff BEFORE AFTER}: compares two JSON reports of {@code check} or {@code
 * analyze} — files, {@code -} for standard input, or with {@code --data-dir} the ids of runs in
 * serve's history — and prints what changed. Exit 0 when nothing got worse, 1 when something did, 3
 * for bad input.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares two JSON reports (check or analyze, or serve's history runs) and says what",
      "changed: the verdict, endpoints that changed status or cause, appeared or disappeared,",
      "and timing changes beyond --threshold."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing got worse",
      "1:something got worse (the verdict, or an endpoint's status)",
      "3:bad input: an unreadable, malformed or foreign report"
    })
final class DiffCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "BEFORE",
      description = "The earlier report: a file, - or a run id.")
  String before = "";

  @Parameters(
      index = "1",
      paramLabel = "AFTER",
      description = "The later report: a file, - or a run id.")
  String after = "";

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json or markdown.")
  DiffRenderer.Format format = DiffRenderer.Format.TEXT;

  @Option(
      names = "--threshold",
      paramLabel = "DURATION",
      defaultValue = "500ms",
      converter = DurationConverter.class,
      description =
          "Smallest change in an endpoint's total time to report (default: ${DEFAULT-VALUE}).")
  Duration threshold = Duration.ofMillis(500);

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Read BEFORE and AFTER given as numbers as run ids from serve's history here.")
  @Nullable Path dataDir;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the comparison to FILE instead of standard output.")
  @Nullable Path output;

  @Spec @Nullable CommandSpec spec;

  private final InputStream stdin;

  DiffCommand() {
    this(System.in);
  }

  DiffCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    if (before.equals("-") && after.equals("-")) {
      throw new InputException("-", "only one of BEFORE and AFTER can be standard input");
    }
    Output.check(output, inputs());
    ReportSummary earlier;
    ReportSummary later;
    if (dataDir != null && (isRunId(before) || isRunId(after))) {
      try (History history = History.openReadOnly(dataDir)) {
        earlier = read(before, history);
        later = read(after, history);
      }
    } else {
      earlier = read(before, null);
      later = read(after, null);
    }
    ReportDiff diff = ReportDiff.of(earlier, later, threshold);
    PrintWriter out = spec().commandLine().getOut();
    Output.write(out, output, writer -> DiffRenderer.render(diff, format, writer));
    return diff.worse() ? 1 : 0;
  }

  /** BEFORE and AFTER when they name report files, which an {@code --output} must not overwrite. */
  private List<Output.Input> inputs() {
    List<Output.Input> inputs = new ArrayList<>();
    addFile(inputs, "BEFORE", before);
    addFile(inputs, "AFTER", after);
    return inputs;
  }

  private void addFile(List<Output.Input> inputs, String name, String argument) {
    if (!argument.equals("-") && !(dataDir != null && isRunId(argument))) {
      inputs.add(new Output.Input(name, Path.of(argument)));
    }
  }

  private ReportSummary read(String argument, @Nullable History history) {
    if (history != null && isRunId(argument)) {
      return history.summary(Long.parseLong(argument));
    }
    if (argument.equals("-")) {
      return ReportReader.read(
          InputFiles.readText(stdin, "standard input", InputKind.REPORT_JSON), "standard input");
    }
    Path file = Path.of(argument);
    return ReportReader.read(InputFiles.readText(file, InputKind.REPORT_JSON), file.toString());
  }

  private static boolean isRunId(String argument) {
    return argument.matches("\\d{1,18}");
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
