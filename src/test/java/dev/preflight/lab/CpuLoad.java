package dev.preflight.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Busy processes in the lab's client namespace, each spinning on one core, as an antivirus scan or
 * a build would on an admin's laptop. Closing stops every one of them (they are the tests' own
 * children, killed by handle).
 */
final class CpuLoad implements AutoCloseable {
  private final List<Process> spinners = new ArrayList<>();

  private CpuLoad() {}

  /** Starts {@code count} processes that each keep a core busy until closed. */
  static CpuLoad start(int count) {
    CpuLoad load = new CpuLoad();
    try {
      for (int i = 0; i < count; i++) {
        load.spinners.add(
            new ProcessBuilder(
                    "ip", "netns", "exec", Lab.CLIENT_NAMESPACE, "sh", "-c", "while :; do :; done")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start());
      }
      return load;
    } catch (IOException e) {
      load.close();
      throw new IllegalStateException("cannot start the CPU load", e);
    }
  }

  @Override
  public void close() {
    for (Process spinner : spinners) {
      spinner.destroyForcibly();
      try {
        spinner.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
