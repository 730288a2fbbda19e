package dev.preflight.cli;

import dev.preflight.export.ExportFormat;
import dev.preflight.export.WildcardStyle;
import dev.preflight.monitor.DiffRenderer;
import dev.preflight.verdict.Verdict;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command: holds the subcommands, the options every one of them accepts, and what the
 * command line runs in (environment variables and terminals). The exit code list of every help page
 * comes from {@link Verdict}, so the help says what the reports say.
 */
@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Tells whether this network is ready for Windows Autopilot, and why not.")
public final class PreflightCommand implements Runnable {
  /**
   * The commands by name, in the order of the help. Each is built only when the command line needs
   * it: picocli reads every option of a command as it is added, which for all seven took about a
   * tenth of a second of every start on a 2-core machine, while a run needs one.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("check", CheckCommand::new);
    commands.put("analyze", AnalyzeCommand::new);
    commands.put("export", ExportCommand::new);
    commands.put("catalog", CatalogCommand::new);
    commands.put("serve", ServeCommand::new);
    commands.put("diff", DiffCommand::new);
    commands.put("completion", CompletionCommand::new);
    return Collections.unmodifiableMap(commands);
  }

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and per-phase events on stderr.")
  boolean debug;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      scope = ScopeType.INHERIT,
      description =
          "Colour: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto colours a terminal"
              + " unless NO_COLOR is set).")
  ColorMode color = ColorMode.AUTO;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;
  private final Supplier<Terminal> terminal;

  /**
   * @param terminal finds out about the terminals when first asked (it may start processes)
   */
  PreflightCommand(Map<String, String> environment, Supplier<Terminal> terminal) {
    this.environment = Map.copyOf(environment);
    this.terminal = terminal;
  }

  Map<String, String> environment() {
    return environment;
  }

  Terminal terminal() {
    return terminal.get();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /** A fully configured command line with every command, writing to the given streams. */
  static CommandLine commandLine(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Supplier<Terminal> terminal) {
    return commandLine(out, err, environment, terminal, COMMANDS.keySet());
  }

  /** A fully configured command line for running {@code args}, writing to the given streams. */
  static CommandLine commandLine(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Supplier<Terminal> terminal,
      String... args) {
    return commandLine(out, err, environment, terminal, commandsFor(args));
  }

  /**
   * The commands {@code args} need: the one they name when only the root's own options come before
   * it, else all of them — for the help, the version, completion scripts, and the message naming a
   * misspelt command's nearest match.
   */
  static Collection<String> commandsFor(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (COMMANDS.containsKey(arg)) {
        return arg.equals("completion") ? COMMANDS.keySet() : List.of(arg);
      }
      if (arg.equals("--color")) {
        i++; // its value
      } else if (!arg.equals("--debug") && !arg.startsWith("--color=")) {
        break;
      }
    }
    return COMMANDS.keySet();
  }

  private static CommandLine commandLine(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> environment,
      Supplier<Terminal> terminal,
      Collection<String> commands) {
    ExitCodes exitCodes = new ExitCodes();
    PreflightCommand root = new PreflightCommand(environment, terminal);
    CommandLine cmd = new CommandLine(root);
    // First: picocli passes the settings below only to the commands it already has.
    for (String name : commands) {
      cmd.addSubcommand(name, COMMANDS.get(name).get());
    }
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler(exitCodes);
    cmd.setParameterExceptionHandler(exitCodes);
    cmd.setExitCodeExceptionMapper(t -> ExitCodes.UNKNOWN);
    cmd.registerConverter(ReportFormat.class, new LowerCaseEnumConverter<>(ReportFormat.class));
    cmd.registerConverter(CatalogFormat.class, new LowerCaseEnumConverter<>(CatalogFormat.class));
    cmd.registerConverter(ExportFormat.class, new LowerCaseEnumConverter<>(ExportFormat.class));
    cmd.registerConverter(WildcardStyle.class, new LowerCaseEnumConverter<>(WildcardStyle.class));
    cmd.registerConverter(
        DiffRenderer.Format.class, new LowerCaseEnumConverter<>(DiffRenderer.Format.class));
    cmd.registerConverter(ColorMode.class, new LowerCaseEnumConverter<>(ColorMode.class));
    cmd.registerConverter(
        CompletionCommand.Shell.class, new LowerCaseEnumConverter<>(CompletionCommand.Shell.class));
    exitCodeList(cmd);
    cmd.setExecutionStrategy(
        parsed -> {
          if (parsed.asCommandLineList().stream().anyMatch(CommandLine::isUsageHelpRequested)) {
            boolean colour = root.color.colour(environment, root.terminal().stdout());
            cmd.setColorScheme(Help.defaultColorScheme(colour ? Help.Ansi.ON : Help.Ansi.OFF));
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    return cmd;
  }

  /**
   * The exit codes on the help of the root and of the commands whose exit code is a verdict: each
   * verdict with its meaning, and 3 for a command line the tool cannot run.
   */
  private static void exitCodeList(CommandLine cmd) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (Verdict verdict : Verdict.values()) {
      codes.put(String.valueOf(verdict.exitCode()), verdict + ": " + verdict.meaning());
    }
    codes.merge(
        String.valueOf(ExitCodes.UNKNOWN),
        "UNKNOWN: " + ExitCodes.UNKNOWN_MEANING,
        (verdict, usage) -> verdict + "; or " + ExitCodes.UNKNOWN_MEANING);
    for (CommandLine command :
        new CommandLine[] {
          cmd, cmd.getSubcommands().get("check"), cmd.getSubcommands().get("analyze")
        }) {
      if (command == null) {
        continue; // a command this run does not need
      }
      command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
      command.getCommandSpec().usageMessage().exitCodeList(codes);
    }
  }
}
