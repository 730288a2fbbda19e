package dev.preflight.verdict;

import dev.preflight.catalog.Impact;
import java.util.List;
import java.util.Optional;

/**
 * The report warning for endpoints the run needed to judge and could not (see {@link
 * EndpointResult#unjudged}): how many, how many of them Autopilot needs, and why. Pure.
 */
final class Unjudged {
  /** The most distinct reasons quoted; the rest are counted. */
  private static final int MAX_REASONS = 3;

  private Unjudged() {}

  /** The warning for {@code results}, or empty when every endpoint that needed judging was. */
  static Optional<String> warning(List<EndpointResult> results) {
    List<EndpointResult> unjudged = results.stream().filter(EndpointResult::unjudged).toList();
    if (unjudged.isEmpty()) {
      return Optional.empty();
    }
    long blocking = unjudged.stream().filter(r -> r.endpoint().impact() == Impact.BLOCKING).count();
    List<String> reasons = unjudged.stream().map(EndpointResult::detail).distinct().toList();
    StringBuilder text = new StringBuilder();
    text.append(count(unjudged.size())).append(" could not be judged");
    text.append(
        blocking == 0
            ? " (none of them blocking)"
            : " ("
                + blocking
                + " of them blocking, so the verdict is UNKNOWN unless another"
                + " endpoint is BLOCKED)");
    text.append(": ")
        .append(String.join(" ", reasons.subList(0, Math.min(MAX_REASONS, reasons.size()))));
    if (reasons.size() > MAX_REASONS) {
      int more = reasons.size() - MAX_REASONS;
      text.append(" (and ").append(more).append(more == 1 ? " other reason)" : " other reasons)");
    }
    return Optional.of(text.toString());
  }

  private static String count(int endpoints) {
    return endpoints == 1 ? "1 endpoint" : endpoints + " endpoints";
  }
}
