package dev.preflight.cli;

import dev.preflight.probe.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The text of the live progress line: how many probes are done of how many planned, the slowest
 * ones still pending with the step they are in and how long they have run, and the time left until
 * the last pending probe's deadline. It fits the terminal's width, so that a carriage return can
 * always overwrite it. Pure: the observer takes the snapshot.
 */
final class ProgressLine {
  /** How many pending probes the line names at most. */
  static final int MAX_NAMED = 3;

  /** One probe still running. */
  record Pending(String host, @Nullable Phase phase, Duration elapsed) {}

  /** What the line shows; {@code left} is null when nothing is running. */
  record Snapshot(int done, int total, List<Pending> pending, @Nullable Duration left) {
    Snapshot {
      pending = List.copyOf(pending);
    }
  }

  private ProgressLine() {}

  /** The line for {@code snapshot}, at most {@code width} characters. */
  static String render(Snapshot snapshot, int width) {
    String head =
        "preflight: "
            + snapshot.done()
            + "/"
            + snapshot.total()
            + " done"
            + (snapshot.left() == null ? "" : ", " + seconds(snapshot.left()) + " left");
    List<Pending> slowest =
        snapshot.pending().stream()
            .sorted(Comparator.comparing(Pending::elapsed).reversed().thenComparing(Pending::host))
            .toList();
    if (slowest.isEmpty()) {
      return fit(head, width);
    }
    String waiting = head + "; waiting for ";
    for (int named = Math.min(MAX_NAMED, slowest.size()); named >= 1; named--) {
      List<String> parts = new ArrayList<>();
      slowest.subList(0, named).forEach(p -> parts.add(p.host() + describe(p)));
      String line = waiting + String.join(", ", parts) + more(slowest.size() - named);
      if (line.length() <= width) {
        return line;
      }
    }
    // Not even one whole name fits: the slowest one, shortened, still says which it is.
    Pending first = slowest.get(0);
    String tail = describe(first) + more(slowest.size() - 1);
    int room = width - waiting.length() - tail.length();
    if (room >= 8) {
      return waiting + first.host().substring(0, room - 3) + "..." + tail;
    }
    return fit(head, width);
  }

  private static String describe(Pending p) {
    return " (" + step(p.phase()) + " " + seconds(p.elapsed()) + ")";
  }

  private static String more(int count) {
    return count == 0 ? "" : " +" + count + " more";
  }

  private static String fit(String line, int width) {
    return line.length() <= width ? line : line.substring(0, Math.max(0, width));
  }

  private static String step(@Nullable Phase phase) {
    if (phase == null) {
      return "starting";
    }
    return switch (phase) {
      case RESOLVE -> "resolving";
      case CONNECT -> "connecting";
      case PROXY_TUNNEL -> "proxy tunnel";
      case TLS_HANDSHAKE -> "TLS";
      case REQUEST, RESPONSE -> "HTTP";
      case NTP_EXCHANGE -> "NTP";
    };
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
