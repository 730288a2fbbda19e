package dev.preflight.verdict;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Fact;
import dev.preflight.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides the report's clock offset. An answered NTP probe gives it. When every NTP probe failed,
 * the offset is estimated from the {@code Date} headers of HTTPS responses (the median, so one
 * wrong server does not decide), a report warning says the estimate is coarse, and an estimate
 * beyond the tolerated skew raises a {@code CLOCK_SKEW} warning. Pure.
 */
public final class ClockJudge {
  /**
   * The offset for the report's environment (null when unknown), what it was measured against (null
   * when it was not), and warnings to add.
   */
  public record Finding(@Nullable Long offsetMs, @Nullable String source, List<String> warnings) {
    public Finding {
      warnings = List.copyOf(warnings);
    }
  }

  private final Duration maxSkew;

  public ClockJudge(Duration maxSkew) {
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
  }

  /** Judges the clock from every probe result of the run and the HTTP date samples. */
  public Finding judge(List<ProbeResult> results, List<ClockSample> samples) {
    List<ProbeResult> ntp =
        results.stream().filter(r -> r.target().endpoint().protocol() == Protocol.NTP).toList();
    for (ProbeResult result : ntp) {
      Long offset = ProbeJudge.longFact(result, Fact.NTP_OFFSET_MS);
      if (offset != null) {
        return new Finding(offset, "NTP " + result.target().endpoint().host(), List.of());
      }
    }
    if (ntp.isEmpty() || samples.isEmpty()) {
      return new Finding(null, null, List.of());
    }
    long estimate = median(samples);
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "NTP did not answer, so the clock offset ("
            + Durations.aheadOrBehind(estimate)
            + " the servers) is a coarse estimate from the Date headers of "
            + samples.size()
            + " HTTPS response"
            + (samples.size() == 1 ? "" : "s")
            + ", accurate to a few seconds at best.");
    if (Math.abs(estimate) > maxSkew.toMillis()) {
      warnings.add(
          "CLOCK_SKEW: by that estimate this machine's clock is "
              + Durations.aheadOrBehind(estimate)
              + " the servers, more than the tolerated "
              + Durations.human(maxSkew)
              + "; synchronise it, as Kerberos and token validation fail beyond that.");
    }
    String source =
        "Date headers of "
            + samples.size()
            + (samples.size() == 1 ? " HTTPS response" : " HTTPS responses");
    return new Finding(estimate, source, warnings);
  }

  private static long median(List<ClockSample> samples) {
    long[] offsets = samples.stream().mapToLong(ClockSample::offsetMs).sorted().toArray();
    int mid = offsets.length / 2;
    return offsets.length % 2 == 1 ? offsets[mid] : (offsets[mid - 1] + offsets[mid]) / 2;
  }
}
