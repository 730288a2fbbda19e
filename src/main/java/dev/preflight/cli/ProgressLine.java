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
    String head = "preflight: " + snapshot.done() + "/" + snapshot.total() + " probed";
    String tail = snapshot.left() == null ? "" : "; " + seconds(snapshot.left()) + " left";
    List<Pending> slowest =
        snapshot.pending().stream()
            .sorted(Comparator.comparing(Pending::elapsed).reversed().thenComparing(Pending::host))
            .toList();
    for (int named = Math.min(MAX_NAMED, slowest.size()); named >= 0; named--) {
      String line = head + waiting(slowest, named) + tail;
      if (line.length() <= width) {
        return line;
      }
    }
    String line = head + tail;
    return line.length() <= width ? line : line.substring(0, Math.max(0, width));
  }

  /**
   * {@code ; waiting for a (TLS, 4.2 s), b (resolving, 4.1 s) and 3 more}, naming {@code named}.
   */
  private static String waiting(List<Pending> slowest, int named) {
    if (slowest.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Pending p : slowest.subList(0, named)) {
      parts.add(p.host() + " (" + step(p.phase()) + ", " + seconds(p.elapsed()) + ")");
    }
    int more = slowest.size() - named;
    if (named == 0) {
      return "; waiting for " + more + (more == 1 ? " probe" : " probes");
    }
    return "; waiting for "
        + String.join(", ", parts)
        + (more == 0 ? "" : " and " + more + " more");
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
