package dev.preflight.cli;

import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.common.StandardInput;
import dev.preflight.monitor.DiffRenderer;
import dev.preflight.monitor.History;
import dev.preflight.monitor.ReportDiff;
import dev.preflight.monitor.ReportReader;
import dev.preflight.monitor.ReportSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
      "Compares two JSON reports and says what changed.",
      "Reads reports of check or analyze, or runs of serve's history: the verdict, endpoints",
      "that changed status or cause, appeared or disappeared, and timing changes beyond",
      "--threshold."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing got worse",
      "1:something got worse (the verdict, or an endpoint's status)",
      "3:bad input: an unreadable, malformed or foreign report"
    })
final class DiffCommand extends CommandBase {
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

  @Mixin DiffFormatOptions output = new DiffFormatOptions();

  @Override
  public Integer call() {
    if (StandardInput.means(before) && StandardInput.means(after)) {
      throw new InputException("-", "only one of BEFORE and AFTER can be standard input");
    }
    output.check(inputs());
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
    output.write(out(), writer -> DiffRenderer.render(diff, output.format, writer));
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
    String source = StandardInput.means(argument) ? StandardInput.LABEL : argument;
    return ReportReader.read(InputFiles.readText(Path.of(argument), InputKind.REPORT_JSON), source);
  }

  private static boolean isRunId(String argument) {
    return argument.matches("\\d{1,18}");
  }
}
