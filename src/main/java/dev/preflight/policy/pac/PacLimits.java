package dev.preflight.policy.pac;

import java.time.Duration;
import java.util.Objects;

/**
 * The budgets one PAC evaluation (loading the script, or one {@code FindProxyForURL} call) may use.
 * A script that exceeds any of them is stopped and reported as bad input naming its file and line.
 *
 * @param callTime CPU time for the script itself; the wall-clock ceiling is one and a half times
 *     this (see {@link #wallTime()}), and time spent waiting for DNS answers in {@code system} mode
 *     counts toward neither. CPU time keeps a busy machine from failing a legitimate script, while
 *     the wall-clock ceiling still bounds a script starved of CPU
 * @param dnsTime the longest one evaluation may wait for DNS answers in total; past it the caller
 *     stops waiting, because a lookup function that ignores its own deadline must not hang the tool
 * @param instructions interpreter instructions
 * @param allocatedBytes bytes the evaluating thread may allocate (garbage included)
 * @param stringLength longest string a built-in such as {@code repeat} or {@code padEnd} may build,
 *     and longest string the script may return
 * @param arrayLength longest array a built-in such as {@code join} or {@code fill} may walk
 */
public record PacLimits(
    Duration callTime,
    Duration dnsTime,
    long instructions,
    long allocatedBytes,
    int stringLength,
    int arrayLength) {

  /**
   * One second of CPU per call, ten seconds of DNS waits, 128 MiB of allocation, 4 Mi-character
   * strings, 1 M-entry arrays.
   */
  public static final PacLimits DEFAULT =
      new PacLimits(
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          50_000_000L,
          128L << 20,
          1 << 22,
          1_000_000);

  /**
   * These limits, shrunk where needed so that one evaluation's wall-clock ceiling, DNS waits
   * included, fits in {@code budget}: a third of it for computing (half for the ceiling), half for
   * DNS.
   */
  public PacLimits within(Duration budget) {
    Duration compute = min(callTime, budget.dividedBy(3));
    Duration dns = min(dnsTime, budget.dividedBy(2));
    return new PacLimits(compute, dns, instructions, allocatedBytes, stringLength, arrayLength);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The wall-clock ceiling: one and a half times {@link #callTime()}. */
  public Duration wallTime() {
    return callTime.multipliedBy(3).dividedBy(2);
  }

  public PacLimits {
    Objects.requireNonNull(callTime, "callTime");
    Objects.requireNonNull(dnsTime, "dnsTime");
    if (callTime.isNegative() || callTime.isZero()) {
      throw new IllegalArgumentException("callTime must be positive: " + callTime);
    }
  }
}
