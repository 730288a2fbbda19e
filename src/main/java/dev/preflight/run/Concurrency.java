package dev.preflight.run;

import dev.preflight.probe.CpuSlots;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How much of the machine a run uses: how many probes may be in flight at once, each holding its
 * sockets while it waits on the network, and the CPU slots their handshakes compute in. Probes in
 * flight cost file descriptors and little else, so their limit is large and comes from the
 * process's descriptor limit; computing is limited to the cores ({@link CpuSlots}).
 *
 * @param inFlight the most probes in flight at once, at least one
 * @param cpu the CPU slots the probes of a run share
 */
public record Concurrency(int inFlight, CpuSlots cpu) {
  /** Descriptors one probe holds at most: its TCP socket, two DNS sockets, the IPv6 check's. */
  static final int DESCRIPTORS_PER_PROBE = 4;

  /** The most probes in flight when neither the descriptor limit nor --parallelism is lower. */
  static final int MAX_IN_FLIGHT = 4096;

  /** Descriptors left for everything else: the JVM's own files, the report, the PAC fetch. */
  private static final long RESERVED_DESCRIPTORS = 64;

  public Concurrency {
    if (inFlight < 1) {
      throw new IllegalArgumentException("inFlight must be at least 1: " + inFlight);
    }
    Objects.requireNonNull(cpu, "cpu");
  }

  /**
   * Sized to this machine: at most {@code parallelism} probes in flight (zero: no limit of its
   * own), never so many that their descriptors pass half the process's limit, and one CPU slot per
   * processor.
   */
  public static Concurrency forMachine(int parallelism) {
    return new Concurrency(inFlight(parallelism, descriptorLimit()), CpuSlots.forMachine());
  }

  static int inFlight(int parallelism, long descriptorLimit) {
    long byDescriptors = (descriptorLimit / 2 - RESERVED_DESCRIPTORS) / DESCRIPTORS_PER_PROBE;
    long limit = Math.clamp(byDescriptors, 1, MAX_IN_FLIGHT);
    return (int) (parallelism > 0 ? Math.min(limit, parallelism) : limit);
  }

  /**
   * Gives the JVM's virtual-thread scheduler four carrier threads per core (at least eight) unless
   * {@code jdk.virtualThreadScheduler.parallelism} is set. With one carrier per core, the probes
   * computing in their {@link CpuSlots} would occupy every carrier, and a probe whose answer had
   * arrived would wait for one while its deadline ran; spare carriers let the operating system
   * share the cores between them instead. Call it first in {@code main}: the scheduler reads the
   * property once, when the first virtual thread starts.
   */
  public static void sizeVirtualThreadScheduler() {
    String property = "jdk.virtualThreadScheduler.parallelism";
    if (System.getProperty(property) == null) {
      int carriers = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
      System.setProperty(property, Integer.toString(carriers));
    }
  }

  /**
   * The process's open-file limit: from {@code /proc/self/limits} where Linux has it (asking the
   * management bean costs a cold JVM tenths of a second), else from the JVM's operating-system
   * bean, else the common default of 1024.
   */
  private static long descriptorLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
          return "unlimited".equals(soft) ? MAX_IN_FLIGHT * 8L : Long.parseLong(soft);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or a format this code does not know: ask the JVM instead
    }
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return 1024;
  }
}
