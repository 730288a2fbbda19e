package dev.preflight.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script generated from the command tree: one {@code complete} line per command,
 * option and positional parameter, conditioned on the commands already typed, with the accepted
 * values of options that have them and file names for options that take a file.
 */
final class FishCompletion {
  private FishCompletion() {}

  static String script(CommandSpec root) {
    StringBuilder out = new StringBuilder();
    String name = root.name();
    out.append("# fish completion for ").append(name).append(": ");
    out.append(name).append(" completion fish | source\n");
    out.append("complete -c ").append(name).append(" -f\n");
    command(root, List.of(), out);
    return out.toString();
  }

  private static void command(CommandSpec spec, List<String> path, StringBuilder out) {
    String here = path.isEmpty() ? "" : seenAll(path);
    for (OptionSpec option : spec.options()) {
      if (!option.hidden() && (path.isEmpty() || !option.inherited())) {
        out.append(option(spec.root().name(), here, option)).append('\n');
      }
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      List<String> values = candidates(positional.completionCandidates());
      if (!values.isEmpty()) {
        out.append(line(spec.root().name(), here, "-a " + quote(String.join(" ", values))));
        out.append('\n');
      }
    }
    Map<String, CommandLine> subcommands = spec.subcommands();
    String none =
        path.isEmpty()
            ? "__fish_use_subcommand"
            : here
                + "; and not __fish_seen_subcommand_from "
                + String.join(" ", subcommands.keySet());
    for (Map.Entry<String, CommandLine> sub : subcommands.entrySet()) {
      CommandSpec child = sub.getValue().getCommandSpec();
      out.append(
          line(
              spec.root().name(),
              none,
              "-a " + sub.getKey() + " -d " + quote(first(child.usageMessage().description()))));
      out.append('\n');
      List<String> deeper = new ArrayList<>(path);
      deeper.add(sub.getKey());
      command(child, deeper, out);
    }
  }

  private static String option(String command, String condition, OptionSpec option) {
    StringBuilder flags = new StringBuilder();
    for (String name : option.names()) {
      flags.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
    }
    if (option.arity().max() > 0) {
      List<String> values = candidates(option.completionCandidates());
      if (!values.isEmpty()) {
        flags.append(" -x -a ").append(quote(String.join(" ", values)));
      } else if (Path.class.isAssignableFrom(option.type())
          || option.auxiliaryTypes()[0] == Path.class) {
        flags.append(" -r -F");
      } else {
        flags.append(" -x");
      }
    }
    flags.append(" -d ").append(quote(first(option.description())));
    return line(command, condition, flags.substring(1));
  }

  private static String line(String command, String condition, String rest) {
    return "complete -c "
        + command
        + (condition.isEmpty() ? "" : " -n " + quote(condition))
        + " "
        + rest;
  }

  /** {@code __fish_seen_subcommand_from a; and __fish_seen_subcommand_from b}. */
  private static String seenAll(List<String> path) {
    return path.stream()
        .map(p -> "__fish_seen_subcommand_from " + p)
        .collect(Collectors.joining("; and "));
  }

  private static List<String> candidates(Iterable<String> candidates) {
    return candidates == null
        ? List.of()
        : StreamSupport.stream(candidates.spliterator(), false).toList();
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? "" : lines[0];
  }

  /** A fish single-quoted string: only the backslash and the quote need escaping. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
