package dev.preflight.policy.squid;

import dev.preflight.common.Display;
import dev.preflight.policy.RuleRef;
import java.nio.file.Path;
import java.util.List;

/**
 * One logical configuration line after comment stripping and continuation joining.
 *
 * @param file the file it was read from
 * @param line the 1-based number of its first physical line
 * @param tokens its words; never empty
 * @param text the line as written, whitespace-normalised, for evidence
 */
record ConfigLine(Path file, int line, List<Token> tokens, String text) {
  ConfigLine {
    tokens = List.copyOf(tokens);
  }

  String directive() {
    return tokens.get(0).text();
  }

  RuleRef ref() {
    return new RuleRef(file.toString(), line, Display.line(text));
  }

  String where() {
    return file + ":" + line;
  }
}
