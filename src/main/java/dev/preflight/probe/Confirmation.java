package dev.preflight.probe;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Joins a timed-out probe's result with the second attempt that confirms or refutes it. A timeout
 * can come from this machine rather than the network (a saturated CPU, a flooded local resolver),
 * so a run reports one only after a second attempt, made once the first wave is over, also timed
 * out; the detail then names both attempts ("no answer ... in 5.0 s, twice"). The second attempt's
 * result stands: its timings, its facts and its cause, since it ran with the machine quiet.
 */
public final class Confirmation {
  private Confirmation() {}

  /** True when {@code result} failed or warned with a cause a deadline decided. */
  public static boolean needed(ProbeResult result) {
    ProbeFailure failure = result.failure();
    return failure != null && failure.cause().isTimeout();
  }

  /** The result to report for a timed-out {@code first} attempt and its {@code second}. */
  public static ProbeResult merge(ProbeResult first, ProbeResult second) {
    ProbeFailure timedOut = first.failure();
    if (timedOut == null) {
      throw new IllegalArgumentException("the first attempt did not fail");
    }
    ProbeFailure failure = second.failure();
    if (failure == null && second.fact(Fact.NOT_APPLICABLE).isPresent()) {
      return second;
    }
    if (failure == null) {
      Map<Fact, String> facts = new EnumMap<>(Fact.class);
      facts.putAll(second.facts());
      String detail = second.fact(Fact.DETAIL).orElse("a second attempt passed");
      facts.put(Fact.DETAIL, detail + " (a first attempt failed: " + timedOut.message() + ")");
      return new ProbeResult(second.target(), null, second.timings(), facts);
    }
    boolean same = failure.cause() == timedOut.cause() && failure.phase() == timedOut.phase();
    String message =
        same
            ? failure.message() + ", twice" + firstWait(first, second, failure.phase())
            : failure.message() + "; a first attempt: " + timedOut.message();
    ProbeFailure both =
        new ProbeFailure(failure.cause(), failure.phase(), message, failure.warning());
    return new ProbeResult(second.target(), both, second.timings(), second.facts());
  }

  /** " (the first attempt waited 4.2 s)" when the two attempts waited visibly different times. */
  private static String firstWait(ProbeResult first, ProbeResult second, Phase phase) {
    Duration firstWait = first.timings().get(phase);
    Duration secondWait = second.timings().get(phase);
    if (firstWait == null || secondWait == null) {
      return "";
    }
    String written = FailureClassifier.Waited.seconds(firstWait);
    return written.equals(FailureClassifier.Waited.seconds(secondWait))
        ? ""
        : " (the first attempt waited " + written + ")";
  }
}
