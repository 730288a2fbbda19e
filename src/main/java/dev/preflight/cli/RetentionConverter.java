package dev.preflight.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses serve's {@code --retention}: days or hours ({@code 30d}, {@code 12h}) or ISO-8601 ({@code
 * P30D}, {@code PT12H}); at least one hour, at most ten years.
 */
public final class RetentionConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dh])");
  private static final Duration MIN = Duration.ofHours(1);
  private static final Duration MAX = Duration.ofDays(3660);

  @Override
  public Duration convert(String value) {
    Duration duration = parse(value.trim());
    if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
      throw new TypeConversionException("'" + value + "' must be between one hour and ten years");
    }
    return duration;
  }

  private static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.toLowerCase(java.util.Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return m.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }
    try {
      return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
    } catch (java.time.format.DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a retention (write 30d, 12h or ISO-8601 such as P30D)");
    }
  }
}
