package dev.preflight.policy.squid;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Squid configuration into logical lines the way Squid's parser does: leading whitespace
 * and {@code #} comment lines are dropped, a trailing backslash joins the next line, a word
 * starting with {@code #} ends the line, and {@code include} is replaced by the lines of the files
 * it names.
 *
 * <p>Squid expands {@code include} patterns with glob(3) relative to its working directory; where
 * they lead offline is the {@link dev.preflight.policy.ConfigRoot}'s answer ({@link ConfigFiles}).
 * Like Squid, a plain path that does not exist is an error and nesting deeper than 16 levels is
 * refused; an include cycle is reported as such. A glob that matches nothing here (a configuration
 * copied from a server) becomes a warning rather than Squid's fatal error.
 */
final class ConfigReader {
  private static final int MAX_DEPTH = 16;

  /** All files together; a glob may name many files, and each is bounded on its own too. */
  private static final long MAX_TOTAL_CHARS = 64L << 20;

  private final ConfigFiles files;
  private final Consumer<String> warnings;
  private final Deque<Path> stack = new ArrayDeque<>();
  private final List<ConfigLine> lines = new ArrayList<>();
  private long total;

  private ConfigReader(ConfigFiles files, Consumer<String> warnings) {
    this.files = files;
    this.warnings = warnings;
  }

  /** The logical lines of {@code file} and everything it includes, in Squid's order. */
  static List<ConfigLine> read(Path file, ConfigFiles files, Consumer<String> warnings) {
    ConfigReader reader = new ConfigReader(files, warnings);
    reader.readFile(file, null);
    return List.copyOf(reader.lines);
  }

  private void readFile(Path file, @Nullable ConfigLine includedFrom) {
    Path real = normalise(file);
    if (stack.contains(real)) {
      throw new InputException(
          includedFrom.file(), includedFrom.line(), "include cycle: " + file + " is already open");
    }
    if (stack.size() >= MAX_DEPTH) {
      throw new InputException(
          includedFrom.file(), includedFrom.line(), "includes are nested too deeply (>16)");
    }
    List<String> physical = readLines(file, includedFrom);
    stack.push(real);
    try {
      parse(file, physical);
    } finally {
      stack.pop();
    }
  }

  private static Path normalise(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private List<String> readLines(Path file, @Nullable ConfigLine includedFrom) {
    String text =
        includedFrom == null
            ? InputFiles.readText(file, InputKind.SQUID_CONFIG)
            : ConfigFiles.readIncluded(file, includedFrom);
    total += text.length();
    if (total > MAX_TOTAL_CHARS) {
      throw new InputException(
          includedFrom == null ? file.toString() : includedFrom.where(),
          0,
          "the squid configuration and its includes are larger than "
              + (MAX_TOTAL_CHARS >> 20)
              + " MiB in total");
    }
    return text.lines().toList();
  }

  private void parse(Path file, List<String> physical) {
    for (int i = 0; i < physical.size(); i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(stripLeading(physical.get(i)));
      while (endsWithBackslash(logical) && i + 1 < physical.size()) {
        logical.setLength(logical.length() - 1);
        logical.append(stripLeading(physical.get(++i)));
      }
      String text = logical.toString();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      List<Token> tokens = Tokenizer.tokens(text, file, first + 1);
      if (!tokens.isEmpty()) {
        accept(new ConfigLine(file, first + 1, tokens, Tokenizer.join(tokens)));
      }
    }
  }

  private static boolean endsWithBackslash(StringBuilder text) {
    return !text.isEmpty() && text.charAt(text.length() - 1) == '\\';
  }

  private static String stripLeading(String line) {
    return line.replace("\r", "").stripLeading();
  }

  private void accept(ConfigLine line) {
    if (!line.directive().equals("include")) {
      lines.add(line);
      return;
    }
    if (line.tokens().size() < 2) {
      throw new InputException(line.file(), line.line(), "include names no file");
    }
    for (Token pattern : line.tokens().subList(1, line.tokens().size())) {
      List<Path> included = files.include(pattern.text(), line);
      if (included.isEmpty()) {
        warnings.accept(
            line.where()
                + ": include "
                + Display.line(pattern.text())
                + " matches "
                + files.noMatch(pattern.text())
                + "; its rules are not evaluated.");
      }
      included.forEach(f -> readFile(f, line));
    }
  }
}
