package dev.preflight.policy.pac;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The budgets and observations of one evaluation inside the sandbox. Created on the caller's
 * thread, then used by exactly one sandbox thread; the caller reads it after the evaluation ends or
 * is abandoned.
 */
final class CallState {
  static final String KEY = "preflight.pac.call";
  private static final int MAX_ALERTS = 50;
  private static final int MAX_ALERT_LENGTH = 500;
  private static final ThreadMXBean THREADS = threads();

  final PacLimits limits;
  final LineTracker lines = new LineTracker(this::check);
  private final Set<String> dnsNames = new LinkedHashSet<>();
  private final List<String> alerts = new ArrayList<>();
  private final long createdNanos = System.nanoTime();
  private volatile long startNanos;
  private volatile long dnsNanos;
  private volatile long dnsStartedAt;
  private volatile @Nullable String dnsName;
  private long instructions;
  private long allocatedAtStart = -1;
  private long cpuAtStart = -1;
  private int checks;
  private volatile boolean stopped;
  private volatile @Nullable SandboxViolation first;

  CallState(PacLimits limits) {
    this.limits = limits;
  }

  private static ThreadMXBean threads() {
    ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (bean.isThreadAllocatedMemorySupported() && !bean.isThreadAllocatedMemoryEnabled()) {
      bean.setThreadAllocatedMemoryEnabled(true);
    }
    return bean;
  }

  /**
   * Starts (or restarts) the time and allocation budgets; called on the sandbox thread when the
   * untrusted part begins, so engine start-up and class loading are never charged to the script.
   */
  void begin() {
    allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
    cpuAtStart = THREADS.getCurrentThreadCpuTime();
    startNanos = System.nanoTime();
  }

  /** Charges interpreter instructions and checks every budget; throws when one is exceeded. */
  void charge(int count) {
    instructions += count;
    if (instructions > limits.instructions()) {
      throw violation("ran more than " + limits.instructions() + " instructions");
    }
    check();
  }

  /** Checks time, memory and the stop flag; called by the observer and by every helper. */
  void check() {
    SandboxViolation earlier = first;
    if (earlier != null) {
      throw earlier;
    }
    if (stopped) {
      throw violation("was stopped after exceeding its budget");
    }
    // Reading the CPU clock costs about a microsecond: every 16th check is often enough.
    if ((++checks & 15) == 0) {
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
      if (cpuAtStart >= 0 && cpu > limits.callTime().toNanos()) {
        throw violation("computed for more than " + limits.callTime().toMillis() + " ms");
      }
      if (scriptNanos() > limits.wallTime().toNanos()) {
        throw violation("was still running after " + limits.wallTime().toMillis() + " ms");
      }
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
    if (allocatedAtStart >= 0 && allocated > limits.allocatedBytes()) {
      throw violation("allocated more than " + (limits.allocatedBytes() >> 20) + " MiB");
    }
  }

  /** Records the first breach; every later check rethrows it, so no finally block outlives it. */
  SandboxViolation violation(String reason) {
    SandboxViolation earlier = first;
    if (earlier != null) {
      return earlier;
    }
    SandboxViolation breach = new SandboxViolation(reason, lines.currentLine());
    first = breach;
    return breach;
  }

  /** Nanoseconds the script itself ran: elapsed time minus time spent waiting for DNS answers. */
  long scriptNanos() {
    if (startNanos == 0) {
      return 0;
    }
    long waiting = dnsNanos;
    long started = dnsStartedAt;
    long now = System.nanoTime();
    if (started != 0) {
      waiting += now - started;
    }
    return now - startNanos - waiting;
  }

  long elapsedNanos() {
    return System.nanoTime() - createdNanos;
  }

  /** Marks the evaluation abandoned: the sandbox thread stops at its next check. */
  void stop() {
    stopped = true;
  }

  void dnsStarted(String name) {
    synchronized (dnsNames) {
      dnsNames.add(name);
    }
    dnsName = name;
    dnsStartedAt = System.nanoTime();
  }

  /** The name being looked up right now, or null when no lookup is in progress. */
  @Nullable String pendingLookup() {
    return dnsStartedAt != 0 ? dnsName : null;
  }

  void dnsEnded() {
    dnsNanos += System.nanoTime() - dnsStartedAt;
    dnsStartedAt = 0;
  }

  List<String> dnsNames() {
    synchronized (dnsNames) {
      return List.copyOf(dnsNames);
    }
  }

  void alert(String message) {
    synchronized (alerts) {
      if (alerts.size() < MAX_ALERTS) {
        alerts.add(
            message.length() > MAX_ALERT_LENGTH
                ? message.substring(0, MAX_ALERT_LENGTH) + "…"
                : message);
      }
    }
  }

  List<String> alerts() {
    synchronized (alerts) {
      return List.copyOf(alerts);
    }
  }
}
