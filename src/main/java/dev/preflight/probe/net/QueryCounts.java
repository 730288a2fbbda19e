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
    String key = name.toLowerCase(Locale.ROOT);
    key = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
    counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  /** The counts so far, by name. */
  Map<String, Integer> snapshot() {
    Map<String, Integer> copy = new TreeMap<>();
    counts.forEach((name, count) -> copy.put(name, count.get()));
    return copy;
  }
}
