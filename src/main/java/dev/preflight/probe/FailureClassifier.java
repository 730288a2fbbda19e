package dev.preflight.probe;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * The one place that maps an exception thrown during a phase to a contract {@link Cause}. Probes
 * never inspect exceptions themselves; failures they judge from data (an NXDOMAIN answer, an
 * untrusted chain, a 407) are built directly.
 *
 * <p>The rules, by phase: a timeout (or a connection the deadline aborted) is the phase's timeout
 * cause; in CONNECT a refusal is {@link Cause#TCP_REFUSED} and "no route / unreachable" is {@link
 * Cause#TCP_UNREACHABLE}; any failure to reach a proxy is {@link Cause#PROXY_UNREACHABLE} and to
 * reach a domain controller {@link Cause#DC_UNREACHABLE}; an aborted TLS handshake is {@link
 * Cause#TLS_HANDSHAKE_FAILED}; a reset or early close after the request is sent is {@link
 * Cause#HTTP_BLOCKED}, since firewalls that filter plain HTTP answer a forbidden request by
 * resetting the connection. A response that is not HTTP, or breaks the reader's size bounds, is
 * {@link Cause#HTTP_UNEXPECTED_STATUS}: something answered, but not the service.
 *
 * <p>A timeout names the phase whose network wait expired, and its message says how long that phase
 * waited. Only a phase that had at least half the probe's budget to itself had its own time: a
 * connection attempt is called dropped only then. A phase that timed out in what earlier phases
 * left (a slow DNS answer) says so, and the run confirms every timeout with a second attempt.
 */
public final class FailureClassifier {
  /** Whom a phase talks to: decides the cause of a failed connect. */
  public enum Peer {
    ORIGIN,
    PROXY,
    DOMAIN_CONTROLLER
  }

  /**
   * How long a failed phase waited.
   *
   * @param phase the budget the phase itself spent
   * @param budget the probe's whole budget
   * @param expired true when the deadline had run out (also when the connection was aborted)
   */
  public record Waited(Duration phase, Duration budget, boolean expired) {
    public Waited {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(budget, "budget");
    }

    /** What a phase that spent {@code phase} of {@code deadline} waited. */
    public static Waited of(Deadline deadline, Duration phase) {
      return new Waited(phase, deadline.budget(), deadline.expired());
    }

    /** True when the phase had at least half the budget: a timeout it saw is its own. */
    boolean ownTime() {
      return phase.multipliedBy(2).compareTo(budget) >= 0;
    }

    /** "in 5.0 s", or, when earlier phases took most of the budget, how little was left. */
    String within() {
      return ownTime()
          ? "in " + seconds(phase)
          : "in the " + seconds(phase) + " that earlier phases left of the " + seconds(budget);
    }

    /** A wait as timeout messages write it: "5.0 s". */
    static String seconds(Duration d) {
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
  }

  private FailureClassifier() {}

  /** Classifies {@code error}, thrown in {@code phase} while talking to {@code subject}. */
  public static ProbeFailure classify(
      Phase phase, Peer peer, String subject, Throwable error, Waited waited) {
    boolean timeout = waited.expired() || error instanceof InterruptedIOException;
    Cause cause =
        switch (phase) {
          case RESOLVE -> resolveCause(peer, timeout);
          case CONNECT -> connectCause(peer, error, timeout);
          case PROXY_TUNNEL -> timeout ? Cause.HTTP_TIMEOUT : Cause.HTTP_BLOCKED;
          case TLS_HANDSHAKE -> timeout ? Cause.TLS_TIMEOUT : Cause.TLS_HANDSHAKE_FAILED;
          case REQUEST, RESPONSE -> httpCause(error, timeout);
          case NTP_EXCHANGE -> Cause.NTP_TIMEOUT;
        };
    String message =
        timeout ? timeoutMessage(phase, subject, waited) : message(phase, subject, error);
    return ProbeFailure.fail(cause, phase, message);
  }

  private static Cause httpCause(Throwable error, boolean timeout) {
    if (timeout) {
      return Cause.HTTP_TIMEOUT;
    }
    return error instanceof ProtocolException ? Cause.HTTP_UNEXPECTED_STATUS : Cause.HTTP_BLOCKED;
  }

  private static Cause resolveCause(Peer peer, boolean timeout) {
    if (peer == Peer.PROXY) {
      return Cause.PROXY_UNREACHABLE;
    }
    return timeout ? Cause.DNS_TIMEOUT : Cause.DNS_SERVFAIL;
  }

  private static Cause connectCause(Peer peer, Throwable error, boolean timeout) {
    Cause tcp;
    if (timeout) {
      tcp = Cause.TCP_TIMEOUT;
    } else if (isRefused(error)) {
      tcp = Cause.TCP_REFUSED;
    } else {
      tcp = Cause.TCP_UNREACHABLE;
    }
    return switch (peer) {
      case ORIGIN -> tcp;
      case PROXY -> Cause.PROXY_UNREACHABLE;
      case DOMAIN_CONTROLLER -> Cause.DC_UNREACHABLE;
    };
  }

  private static boolean isRefused(Throwable error) {
    return error instanceof ConnectException && !(error instanceof NoRouteToHostException)
        || lower(error).contains("refused");
  }

  private static String timeoutMessage(Phase phase, String subject, Waited waited) {
    String within = waited.within();
    return switch (phase) {
      case RESOLVE -> "no DNS answer for " + subject + " " + within;
      case CONNECT ->
          "no answer to the connection attempt to "
              + subject
              + " "
              + within
              + (waited.ownTime() ? " (dropped)" : "");
      case TLS_HANDSHAKE ->
          subject + " accepted TCP but did not complete the TLS handshake " + within;
      case NTP_EXCHANGE -> "no NTP reply from " + subject + " " + within;
      default -> subject + " did not answer " + within;
    };
  }

  private static String message(Phase phase, String subject, Throwable error) {
    return switch (phase) {
      case CONNECT -> describeConnect(subject, error);
      case TLS_HANDSHAKE -> "TLS handshake with " + subject + " aborted: " + detail(error);
      case REQUEST, RESPONSE, PROXY_TUNNEL -> closedMessage(subject, error);
      case NTP_EXCHANGE -> ntpMessage(subject, error);
      case RESOLVE -> resolveMessage(subject, error);
    };
  }

  private static String resolveMessage(String subject, Throwable error) {
    if (error instanceof PortUnreachableException) {
      return "DNS lookup of "
          + subject
          + " refused: nothing answers on the DNS server's port (ICMP port unreachable)";
    }
    return "DNS lookup of " + subject + " failed: " + detail(error);
  }

  private static String describeConnect(String subject, Throwable error) {
    if (isRefused(error)) {
      return "connection to " + subject + " refused (RST)";
    }
    return "no route to " + subject + ": " + detail(error);
  }

  private static String closedMessage(String subject, Throwable error) {
    if (error instanceof ProtocolException) {
      return subject + " answered something that is not a usable HTTP response: " + detail(error);
    }
    if (error instanceof EOFException || error instanceof SocketException) {
      return subject + " closed or reset the connection after the request: " + detail(error);
    }
    return "exchange with " + subject + " failed: " + detail(error);
  }

  private static String ntpMessage(String subject, Throwable error) {
    if (error instanceof PortUnreachableException) {
      return "NTP port of " + subject + " is unreachable (ICMP port unreachable)";
    }
    return "no NTP reply from " + subject + ": " + detail(error);
  }

  private static String detail(Throwable error) {
    String message = error.getMessage();
    String text = error instanceof SSLException || message == null ? error.toString() : message;
    return Printable.clip(text);
  }

  private static String lower(Throwable error) {
    String message = error.getMessage();
    return message == null ? "" : message.toLowerCase(Locale.ROOT);
  }
}
