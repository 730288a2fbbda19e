package dev.preflight.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a positive duration written as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or in
 * ISO-8601 ({@code PT5S}). Zero, negative and durations beyond one hour are refused: a probe
 * deadline outside that range is a typing mistake, not a wish.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
  private static final Duration MAX = Duration.ofHours(1);

  @Override
  public Duration convert(String value) {
    Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException("'" + value + "' must be longer than zero");
    }
    if (duration.compareTo(MAX) > 0) {
      throw new TypeConversionException("'" + value + "' is longer than the 1h maximum");
    }
    return duration;
  }

  private static Duration parse(String text) {
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration (write 500ms, 5s, 2m, 1h or ISO-8601 such as PT5S)");
    }
  }
}
