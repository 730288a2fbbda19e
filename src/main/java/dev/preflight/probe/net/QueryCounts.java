package dev.preflight.probe.net;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts queries per name, case and trailing dot ignored, for {@link Resolver#queriesSent()}. */
final class QueryCounts {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void add(String name) {
    counts.computeIfAbsent(key(name), k -> new AtomicInteger()).incrementAndGet();
  }

  /** {@code name} as names are compared: lower case, without the trailing dot. */
  static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** The counts so far, by name. */
  Map<String, Integer> snapshot() {
    Map<String, Integer> copy = new TreeMap<>();
    counts.forEach((name, count) -> copy.put(name, count.get()));
    return copy;
  }
}
