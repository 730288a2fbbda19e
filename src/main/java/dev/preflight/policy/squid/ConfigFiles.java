package dev.preflight.policy.squid;

import dev.preflight.common.Display;
import dev.preflight.common.InputException;
import dev.preflight.common.InputFiles;
import dev.preflight.common.InputKind;
import dev.preflight.policy.ConfigRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a Squid configuration names — {@code include} files and quoted acl files — found under
 * the {@link ConfigRoot} and read through the bounded reader. A file that cannot be read is
 * reported at the line that names it, with the path as written there.
 */
final class ConfigFiles {
  /** A referenced file: where it is on this machine, and its text. */
  record Loaded(Path file, String text) {}

  private final ConfigRoot root;
  private final Path workingDirectory;

  ConfigFiles(ConfigRoot root, Path topFile) {
    this.root = root;
    this.workingDirectory = root.workingDirectory(topFile);
  }

  /**
   * The files an include pattern names, on this machine, in glob(3) order. A pattern without
   * wildcards names exactly one file, which must exist (the bounded reader refuses it if it is not
   * a regular file); a pattern with wildcards may match nothing, and matches only regular files.
   */
  List<Path> include(String pattern, ConfigLine line) {
    List<Path> matches = Globs.expand(root, workingDirectory, pattern, line);
    if (!Globs.hasWildcard(pattern)) {
      Path file = onDisk(matches.get(0), line);
      if (!Files.exists(file)) {
        throw missing("cannot include", pattern, file, line);
      }
      return List.of(file);
    }
    return matches.stream().map(p -> onDisk(p, line)).filter(Files::isRegularFile).toList();
  }

  /** Where an include pattern found nothing, for the warning: "no file here (…)". */
  String noMatch(String pattern) {
    if (root.dir().isPresent()) {
      return "no file under --config-root " + root.dir().get();
    }
    return Path.of(pattern).isAbsolute()
        ? "no file here (pass --config-root DIR if the configuration was copied from another"
            + " machine)"
        : "no file here";
  }

  /** The text of a file {@code line} includes, read as a squid configuration. */
  static String readIncluded(Path file, ConfigLine line) {
    return read(
        file, InputKind.SQUID_CONFIG, "cannot include " + Display.line(file.toString()), line);
  }

  /** The acl file written as {@code written} (the quoted value) on {@code line}. */
  Loaded aclFile(String written, ConfigLine line) {
    Path file = onDisk(root.inConfiguration(written, workingDirectory), line);
    if (!Files.exists(file)) {
      throw missing("cannot read acl file", written, file, line);
    }
    String what = "cannot read acl file " + Display.line(written);
    return new Loaded(file, read(file, InputKind.SQUID_ACL, what, line));
  }

  private Path onDisk(Path configPath, ConfigLine line) {
    return root.onDisk(configPath, line.file().toString(), line.line());
  }

  /**
   * Reads {@code file}; a failure that concerns the whole file is reported at {@code line}, one at
   * a line of the file itself (a decoding error) names that file and line.
   */
  private static String read(Path file, InputKind kind, String what, ConfigLine line) {
    try {
      return InputFiles.readText(file, kind);
    } catch (InputException e) {
      if (e.line() > 0) {
        throw e;
      }
      String reason = e.reason().replaceFirst("^cannot read: ", "");
      throw new InputException(line.file().toString(), line.line(), what + ": " + reason, e);
    }
  }

  private InputException missing(String what, String written, Path file, ConfigLine line) {
    String under = root.dir().isPresent() ? " (" + file + ")" : "";
    return new InputException(
        line.file().toString(),
        line.line(),
        what + " " + Display.line(written) + under + ": " + root.noSuchFile(written));
  }
}
