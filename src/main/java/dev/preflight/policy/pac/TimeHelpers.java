package dev.preflight.policy.pac;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code weekdayRange}, {@code dateRange} and {@code timeRange}, reading an injected {@link Clock}.
 * A trailing {@code "GMT"} argument switches from the clock's zone to UTC. Every range whose start
 * lies after its end wraps around: {@code FRI..MON}, {@code DEC..JAN}, {@code 22..6}.
 */
final class TimeHelpers {
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  private final Clock clock;

  TimeHelpers(Clock clock) {
    this.clock = clock;
  }

  /** {@code weekdayRange(wd1 [, wd2] [, "GMT"])}: day names are upper-case three-letter names. */
  boolean weekdayRange(Object... args) {
    List<Object> a = withoutGmt(args);
    if (a.isEmpty()) {
      return false;
    }
    int today = now(args).getDayOfWeek().getValue() % 7;
    int first = DAYS.indexOf(String.valueOf(a.get(0)));
    int last = a.size() >= 2 ? DAYS.indexOf(String.valueOf(a.get(1))) : first;
    return first >= 0 && last >= 0 && within(today, first, last);
  }

  /**
   * {@code timeRange(hour)}, {@code (h1, h2)}, {@code (h1, m1, h2, m2)} or {@code (h1, m1, s1, h2,
   * m2, s2)}. Hour ranges include the whole last hour; minute ranges include the whole last minute.
   */
  boolean timeRange(Object... args) {
    List<Object> a = withoutGmt(args);
    ZonedDateTime now = now(args);
    int second = now.toLocalTime().toSecondOfDay();
    return switch (a.size()) {
      case 1 -> now.getHour() == number(a.get(0));
      case 2 -> within(now.getHour(), number(a.get(0)), number(a.get(1)));
      case 4 -> within(second, seconds(a.get(0), a.get(1), 0), seconds(a.get(2), a.get(3), 59));
      case 6 ->
          within(
              second,
              seconds(a.get(0), a.get(1), number(a.get(2))),
              seconds(a.get(3), a.get(4), number(a.get(5))));
      default -> false;
    };
  }

  /**
   * {@code dateRange} with a day of month (1–31), a month name or a year (32 and above) alone, as a
   * range of one kind, or as ranges of {@code day month}, {@code month year} or {@code day month
   * year}.
   */
  boolean dateRange(Object... args) {
    List<Object> a = withoutGmt(args);
    ZonedDateTime now = now(args);
    if (a.isEmpty() || (a.size() > 1 && a.size() % 2 != 0)) {
      return false;
    }
    if (a.size() == 1) {
      long[] single = dateFields(a);
      return single != null && single[0] == current(now, (int) single[1]);
    }
    long[] start = dateFields(a.subList(0, a.size() / 2));
    long[] end = dateFields(a.subList(a.size() / 2, a.size()));
    if (start == null || end == null || start[1] != end[1]) {
      return false;
    }
    return within(current(now, (int) start[1]), start[0], end[0]);
  }

  private static final int YEAR = 4;
  private static final int MONTH = 2;
  private static final int DAY = 1;

  /** {value, kinds}: the fields packed as year*10000 + month*100 + day, and a bit set of kinds. */
  private static long @Nullable [] dateFields(List<Object> parts) {
    long year = 0;
    long month = 0;
    long day = 0;
    int kinds = 0;
    for (Object part : parts) {
      int monthIndex = MONTHS.indexOf(String.valueOf(part));
      double value = number(part);
      int kind = monthIndex >= 0 ? MONTH : Double.isNaN(value) ? 0 : value < 32 ? DAY : YEAR;
      if (kind == 0 || (kinds & kind) != 0) {
        return null;
      }
      kinds |= kind;
      if (kind == MONTH) {
        month = monthIndex + 1;
      } else if (kind == DAY) {
        day = (long) value;
      } else {
        year = (long) value;
      }
    }
    return new long[] {year * 10_000 + month * 100 + day, kinds};
  }

  private static long current(ZonedDateTime now, int kinds) {
    long year = (kinds & YEAR) != 0 ? now.getYear() : 0;
    long month = (kinds & MONTH) != 0 ? now.getMonthValue() : 0;
    long day = (kinds & DAY) != 0 ? now.getDayOfMonth() : 0;
    return year * 10_000 + month * 100 + day;
  }

  private static boolean within(double value, double start, double end) {
    return start <= end ? start <= value && value <= end : value >= start || value <= end;
  }

  private static double seconds(Object hour, Object minute, double second) {
    return number(hour) * 3600 + number(minute) * 60 + second;
  }

  /** JavaScript's {@code parseInt} for strings, the value itself for numbers; NaN otherwise. */
  static double number(Object value) {
    if (value instanceof Number n) {
      return Math.floor(n.doubleValue());
    }
    String text = String.valueOf(value).strip();
    int end = 0;
    while (end < text.length() && end < 9 && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end == 0 ? Double.NaN : Integer.parseInt(text.substring(0, end));
  }

  private static boolean isGmt(Object[] args) {
    return args.length > 0 && "GMT".equals(String.valueOf(args[args.length - 1]));
  }

  private static List<Object> withoutGmt(Object[] args) {
    List<Object> list = new ArrayList<>(Arrays.asList(args));
    if (isGmt(args)) {
      list.remove(list.size() - 1);
    }
    return list;
  }

  private ZonedDateTime now(Object[] args) {
    return isGmt(args)
        ? clock.instant().atZone(ZoneOffset.UTC)
        : clock.instant().atZone(clock.getZone());
  }
}
