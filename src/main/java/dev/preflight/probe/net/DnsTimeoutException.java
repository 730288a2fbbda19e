package dev.preflight.probe.net;

import java.net.SocketTimeoutException;

/**
 * No genuine DNS answer came within the deadline. It says why in terms a report can use: how many
 * replies arrived but did not answer the query (another id, another question, unreadable), which
 * tells a silent resolver from one whose answers were forged or garbled on the way, or that the
 * question never left this machine.
 */
public final class DnsTimeoutException extends SocketTimeoutException {
  private static final long serialVersionUID = 1L;

  private final int discarded;
  private final boolean sent;

  private DnsTimeoutException(String message, int discarded, boolean sent) {
    super(message);
    this.discarded = discarded;
    this.sent = sent;
  }

  /** The query went out and nothing genuine came back; {@code discarded} replies were dropped. */
  static DnsTimeoutException unanswered(int discarded) {
    String note =
        discarded == 0 ? "" : "; " + discarded + " replies that did not match were discarded";
    return new DnsTimeoutException(
        "no genuine DNS answer within the deadline" + note, discarded, true);
  }

  /** The question waited for a free slot until its deadline and never left (local queueing). */
  static DnsTimeoutException neverSent(int slots) {
    return new DnsTimeoutException(
        "the question waited its whole deadline for one of " + slots + " slots and was never sent",
        0,
        false);
  }

  /** How many non-matching replies were dropped while waiting. */
  public int discarded() {
    return discarded;
  }

  /** False when the question never left this machine (it waited for a slot until its deadline). */
  public boolean sent() {
    return sent;
  }

  /** What happened to the lookup of {@code subject}, as a clause for a report. */
  public String describe(String subject) {
    if (!sent) {
      return "the DNS question for "
          + subject
          + " was never sent: it waited its whole deadline behind other questions on the wire"
          + " (local queueing, not an unanswered query)";
    }
    if (discarded == 0) {
      return "no DNS answer for " + subject + " within the deadline";
    }
    return "no genuine DNS answer for "
        + subject
        + " within the deadline; "
        + discarded
        + (discarded == 1 ? " reply that did not" : " replies that did not")
        + " match the query (transaction id or question) "
        + (discarded == 1 ? "was" : "were")
        + " discarded";
  }
}
