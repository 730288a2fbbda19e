package dev.preflight.verdict;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Cause;
import dev.preflight.probe.Fact;
import dev.preflight.probe.ProbeResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one place the clock is judged, for the whole run. Pure.
 *
 * <p>Autopilot needs a right clock, not NTP as such: a clock beyond the tolerated skew breaks
 * Kerberos and the validity checks of certificates and tokens, while a device whose clock is right
 * continues without an NTP answer. So the reference is, in this order:
 *
 * <ol>
 *   <li>an answered NTP probe: its offset beyond {@code maxSkew} is {@link Cause#CLOCK_SKEW} on
 *       that entry;
 *   <li>when no NTP probe answered, the median {@code Date} header of at least {@value
 *       #MIN_SAMPLES} HTTPS origins whose chains the probes trusted (one wrong server does not
 *       decide): beyond {@code maxSkew} the failed NTP entries become {@link Cause#CLOCK_SKEW};
 *       within it a warning gives that evidence, the clock is right and the NTP failure only
 *       degrades;
 *   <li>no usable reference at all: a "clock not verified" warning.
 * </ol>
 *
 * How much a failed NTP entry weighs is the catalog's impact (the shipped entry is DEGRADED, see
 * its note); {@code CLOCK_SKEW} blocks whatever the impact ({@link Consequences}).
 */
public final class ClockJudge {
  /** The fewest {@code Date} headers that count as a reference: "at least a few" origins. */
  public static final int MIN_SAMPLES = 3;

  /** What the clock was measured against. */
  public enum Source {
    NTP,
    DATE_HEADERS,
    NONE
  }

  /**
   * The run's clock reading.
   *
   * @param source what the offset comes from; NONE when nothing measured it
   * @param offsetMs reference time minus local time, for the report's environment, or null
   * @param samples how many {@code Date} headers the estimate rests on (0 for NTP)
   * @param warnings report warnings: the evidence for a clock NTP did not confirm
   */
  public record Finding(
      Source source, @Nullable Long offsetMs, int samples, List<String> warnings) {
    public Finding {
      Objects.requireNonNull(source, "source");
      warnings = List.copyOf(warnings);
    }
  }

  private static final Finding NOT_JUDGED = new Finding(Source.NONE, null, 0, List.of());

  private final Duration maxSkew;

  public ClockJudge(Duration maxSkew) {
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
  }

  /** Reads the clock from every probe result of the run and the trusted HTTPS date samples. */
  public Finding judge(List<ProbeResult> results, List<ClockSample> samples) {
    List<ProbeResult> ntp = results.stream().filter(ClockJudge::isNtp).toList();
    if (ntp.isEmpty()) {
      return NOT_JUDGED; // the plan has no time server to judge
    }
    for (ProbeResult result : ntp) {
      Long offset = ntpOffset(result);
      if (offset != null) {
        return new Finding(Source.NTP, offset, 0, List.of());
      }
    }
    if (samples.size() < MIN_SAMPLES) {
      return new Finding(Source.NONE, null, samples.size(), List.of(notVerified(samples.size())));
    }
    long estimate = median(samples);
    List<String> warnings =
        skewed(estimate) ? List.of() : List.of(verifiedByDates(estimate, samples.size()));
    return new Finding(Source.DATE_HEADERS, estimate, samples.size(), warnings);
  }

  /**
   * The final result of one entry given the run's clock: an NTP entry whose own answer, or (when it
   * failed) whose run's date estimate, is beyond the tolerated skew becomes {@link
   * Cause#CLOCK_SKEW}; every other result is returned as it is.
   */
  public EndpointResult settle(ProbeResult probed, EndpointResult judged, Finding finding) {
    if (!isNtp(probed) || judged.status() == Status.SKIP) {
      return judged;
    }
    Long own = ntpOffset(probed);
    if (own != null) {
      return skewed(own)
          ? skew(judged, own, "time server " + probed.target().endpoint().host(), true)
          : judged;
    }
    Long estimate = finding.offsetMs();
    if (finding.source() == Source.DATE_HEADERS && estimate != null && skewed(estimate)) {
      String reference = "the Date headers of " + finding.samples() + " trusted HTTPS origins";
      return skew(judged, estimate, reference, false);
    }
    return judged;
  }

  private EndpointResult skew(
      EndpointResult judged, long offsetMs, String reference, boolean ntpAnswered) {
    String detail =
        "This machine's clock is "
            + Durations.aheadOrBehind(offsetMs)
            + " "
            + reference
            + ", more than the tolerated "
            + Durations.human(maxSkew)
            + (ntpAnswered ? "." : "; NTP gave no answer to check it against: " + judged.detail());
    return EndpointResult.problem(
            judged.endpoint(), Status.FAIL, Cause.CLOCK_SKEW, Sentences.oneLine(detail))
        .withRemedy(Remedies.clockSkew(judged.endpoint(), maxSkew, ntpAnswered))
        .withRoute(judged.route())
        .withAddresses(judged.addresses())
        .withTimings(judged.timings());
  }

  private String verifiedByDates(long estimate, int count) {
    return "NTP gave no usable answer, but the Date headers of "
        + count
        + " HTTPS origins whose chains were trusted put this machine's clock "
        + Durations.aheadOrBehind(estimate)
        + " them, within the tolerated "
        + Durations.human(maxSkew)
        + ": the clock is right, so Autopilot continues; devices still need UDP 123 to keep"
        + " their time.";
  }

  private String notVerified(int count) {
    return "Clock not verified: NTP gave no usable answer and "
        + (count == 0 ? "no" : "only " + count)
        + " trusted HTTPS origin"
        + (count == 1 ? "" : "s")
        + " sent a Date header (at least "
        + MIN_SAMPLES
        + " are needed), so whether this machine's clock is within "
        + Durations.human(maxSkew)
        + " is unknown.";
  }

  private boolean skewed(long offsetMs) {
    return Math.abs(offsetMs) > maxSkew.toMillis();
  }

  private static boolean isNtp(ProbeResult result) {
    return result.target().endpoint().protocol() == Protocol.NTP;
  }

  private static @Nullable Long ntpOffset(ProbeResult result) {
    return result.passed() ? ProbeJudge.longFact(result, Fact.NTP_OFFSET_MS) : null;
  }

  private static long median(List<ClockSample> samples) {
    long[] offsets = samples.stream().mapToLong(ClockSample::offsetMs).sorted().toArray();
    int mid = offsets.length / 2;
    return offsets.length % 2 == 1 ? offsets[mid] : (offsets[mid - 1] + offsets[mid]) / 2;
  }
}
