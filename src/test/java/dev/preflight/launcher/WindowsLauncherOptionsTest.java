package dev.preflight.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code preflight.cmd} cannot run here, so this holds it to {@code ./preflight} by what it says:
 * it passes the JVM every option the Linux and macOS launcher gives a check or {@code serve},
 * except those of the class cache, which only {@code ./preflight} builds.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WindowsLauncherOptionsTest {
  private static final Pattern JVM_OPTION = Pattern.compile("-X[A-Za-z0-9:+=*_-]+");

  /** The class cache's options and the logging that keeps its training quiet. */
  private static final Pattern CLASS_CACHE =
      Pattern.compile(
          "-XX:(AOT\\w*|SharedArchiveFile|ArchiveClassesAtExit)=?.*|-Xlog:.*"
              + "|-XX:\\+UnlockDiagnosticVMOptions|-XX:-DisplayVMOutput");

  @Test
  void windowsGivesTheJvmTheOptionsOfTheOtherLauncher() throws IOException {
    Set<String> unix = options(Path.of("preflight"));
    unix.removeIf(option -> CLASS_CACHE.matcher(option).matches());

    assertThat(options(Path.of("preflight.cmd")))
        .containsExactlyElementsOf(unix)
        .contains("-XX:UserThreadWaitAttemptsAtExit=0");
  }

  private static Set<String> options(Path launcher) throws IOException {
    Set<String> found = new TreeSet<>();
    for (String line : Files.readAllLines(launcher)) {
      if (line.startsWith("#") || line.startsWith("rem ")) {
        continue;
      }
      Matcher option = JVM_OPTION.matcher(line);
      while (option.find()) {
        found.add(option.group());
      }
    }
    return found;
  }
}
