package dev.preflight.probe;

import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.Question;
import dev.preflight.probe.net.RecordType;
import dev.preflight.probe.net.SharedResolver;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a probe asks the run's resolver: all its questions at once, shared with every other probe
 * that asks the same ({@link SharedResolver}).
 *
 * <p>The RESOLVE phase measures the network. A question may first wait on this machine for a free
 * slot among the questions on the wire; that wait comes before the phase starts and is kept out of
 * the probe's deadline, so neither the phase's duration nor a {@link Cause#DNS_TIMEOUT} ever counts
 * local queueing. The phase starts once every question has left (or was found already asked), and a
 * timeout means the network had the probe's whole budget to answer. The excluded wait is bounded by
 * one budget: a question still queued then ends without being sent, and says so. The phase's
 * duration stops when the last answer arrived ({@link #answered}), so it does not count the wait
 * for a CPU before the probe's thread runs on either.
 */
final class DnsQuestions {
  /** Beyond the deadline, the time a question gets to report its own timeout (scheduling). */
  private static final Duration GRACE = Duration.ofMillis(200);

  private DnsQuestions() {}

  /** Asks for {@code name} with each of {@code types}, then starts the RESOLVE phase. */
  static List<Question> ask(ProbeRun run, String name, RecordType... types) {
    SharedResolver resolver = SharedResolver.of(run.context().resolver());
    Duration budget = run.deadline().remaining();
    List<Question> questions =
        Arrays.stream(types).map(type -> resolver.ask(name, type, budget)).toList();
    Deadline.LocalWait queued = run.deadline().localWait();
    try {
      Question.awaitSent(questions, budget);
    } finally {
      queued.close();
    }
    run.start(Phase.RESOLVE);
    return questions;
  }

  /** The answer to {@code question}, waiting at most until the probe's deadline. */
  static DnsAnswer answer(ProbeRun run, Question question) throws IOException {
    return question.await(run.deadline().remaining().plus(GRACE));
  }

  /**
   * Ends the network part of the RESOLVE phase when the last of {@code questions} was answered, not
   * when this probe's thread got to run again: on a busy machine that can be much later.
   */
  static void answered(ProbeRun run, List<Question> questions) {
    run.ioEndedAgo(
        questions.stream()
            .map(Question::sinceAnswered)
            .min(Comparator.naturalOrder())
            .orElse(Duration.ZERO));
  }

  /** The clause for a name that does not exist: the chain's last name when it is an alias. */
  static String nxdomain(String name, DnsAnswer answer) {
    String target = answer.target();
    return target == null
        ? name + " does not exist (NXDOMAIN)"
        : name + " is an alias of " + target + ", which does not exist (NXDOMAIN)";
  }

  /** Records the CNAME chain of the first answer that has one, for the report's detail. */
  static void recordChain(ProbeRun run, List<DnsAnswer> answers) {
    answers.stream()
        .filter(a -> !a.chain().isEmpty())
        .findFirst()
        .ifPresent(a -> run.fact(Fact.CNAME_CHAIN, String.join(" → ", a.chain())));
  }
}
