package dev.preflight.verdict;

import org.jspecify.annotations.Nullable;

/** Per-phase durations in milliseconds; a phase that did not run is null. */
public record Timings(
    @Nullable Long dnsMs,
    @Nullable Long connectMs,
    @Nullable Long tlsMs,
    @Nullable Long httpMs,
    @Nullable Long totalMs) {

  public static final Timings NONE = new Timings(null, null, null, null, null);
}
