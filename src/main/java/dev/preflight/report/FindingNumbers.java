package dev.preflight.report;

import dev.preflight.verdict.EndpointResult;
import dev.preflight.verdict.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The number of the finding (1, 2, …, in report order) that covers each endpoint result, so that
 * the per-service detail can point back to the root cause instead of repeating its remedy.
 */
final class FindingNumbers {
  private final Map<EndpointResult, Integer> numbers;

  private FindingNumbers(Map<EndpointResult, Integer> numbers) {
    this.numbers = numbers;
  }

  static FindingNumbers of(List<Finding> findings) {
    // Equal results always fall in the same finding, so a value map is exact.
    Map<EndpointResult, Integer> numbers = new HashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      for (EndpointResult result : findings.get(i).results()) {
        numbers.put(result, i + 1);
      }
    }
    return new FindingNumbers(numbers);
  }

  /** The finding's number, or null for an endpoint no finding covers (a pass or a skip). */
  @Nullable Integer of(EndpointResult result) {
    return numbers.get(result);
  }
}
