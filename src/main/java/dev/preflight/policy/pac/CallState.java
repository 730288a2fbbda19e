package dev.preflight.policy.pac;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
  final LineTracker lines = new LineTracker();
  private final Set<String> dnsNames = new LinkedHashSet<>();
  private final List<String> alerts = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private volatile long dnsNanos;
  private volatile long dnsStartedAt;
  private long instructions;
  private long allocatedAtStart = -1;
  private volatile boolean stopped;

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

  /** Called on the sandbox thread when the evaluation starts. */
  void begin() {
    allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
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
    if (stopped) {
      throw violation("was stopped after exceeding its budget");
    }
    if (scriptNanos() > limits.callTime().toNanos()) {
      throw violation("ran longer than " + limits.callTime().toMillis() + " ms");
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
    if (allocatedAtStart >= 0 && allocated > limits.allocatedBytes()) {
      throw violation("allocated more than " + (limits.allocatedBytes() >> 20) + " MiB");
    }
  }

  SandboxViolation violation(String reason) {
    stopped = true;
    return new SandboxViolation(reason, lines.currentLine());
  }

  /** Nanoseconds the script itself ran: elapsed time minus time spent waiting for DNS answers. */
  long scriptNanos() {
    long waiting = dnsNanos;
    long started = dnsStartedAt;
    long now = System.nanoTime();
    if (started != 0) {
      waiting += now - started;
    }
    return now - startNanos - waiting;
  }

  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /** Marks the evaluation abandoned: the sandbox thread stops at its next check. */
  void stop() {
    stopped = true;
  }

  void dnsStarted(String name) {
    synchronized (dnsNames) {
      dnsNames.add(name);
    }
    dnsStartedAt = System.nanoTime();
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
