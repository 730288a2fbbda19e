package dev.preflight.probe;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one probe observed: the phases it went through with their durations, the facts it learned,
 * and the failure if any. A null failure means the endpoint passed.
 */
public record ProbeResult(
    ProbeTarget target,
    @Nullable ProbeFailure failure,
    Map<Phase, Duration> timings,
    Map<Fact, String> facts) {

  public ProbeResult {
    Objects.requireNonNull(target, "target");
    timings = Collections.unmodifiableMap(copyOf(timings, Phase.class));
    facts = Collections.unmodifiableMap(copyOf(facts, Fact.class));
  }

  public boolean passed() {
    return failure == null;
  }

  public Optional<String> fact(Fact fact) {
    return Optional.ofNullable(facts.get(fact));
  }

  /** Total time across all phases that ran. */
  public Duration total() {
    return timings.values().stream().reduce(Duration.ZERO, Duration::plus);
  }

  private static <K extends Enum<K>, V> Map<K, V> copyOf(Map<K, V> map, Class<K> type) {
    return map.isEmpty() ? new EnumMap<>(type) : new LinkedHashMap<>(new EnumMap<>(map));
  }
}
