package dev.preflight.run;

import dev.preflight.catalog.Protocol;
import dev.preflight.probe.Fact;
import dev.preflight.probe.ProbeResult;
import dev.preflight.verdict.ClockSample;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects HTTP {@code Date} readings from HTTPS probe outcomes for the clock judge. Only HTTPS
 * counts, and an HTTPS probe reads a response only after its chain was trusted (a public root or a
 * {@code --ca-file} root, not interception): a plain-HTTP answer may come from anything on the
 * path.
 */
final class ClockSamples {
  private ClockSamples() {}

  static List<ClockSample> from(List<ProbeOutcome> outcomes) {
    List<ClockSample> samples = new ArrayList<>();
    for (ProbeOutcome outcome : outcomes) {
      ProbeResult result = outcome.result();
      if (result != null && result.target().endpoint().protocol() == Protocol.HTTPS) {
        result
            .fact(Fact.HTTP_DATE)
            .flatMap(ClockSamples::parse)
            .ifPresent(date -> samples.add(new ClockSample(date, outcome.finishedAt())));
      }
    }
    return samples;
  }

  /** ISO-8601 as the probes record it, or the header's own RFC 1123 form. */
  static Optional<Instant> parse(String text) {
    try {
      return Optional.of(Instant.parse(text.trim()));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(
            ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
