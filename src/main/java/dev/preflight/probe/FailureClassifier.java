package dev.preflight.probe;

import dev.preflight.common.IoErrors;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.util.Locale;

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
 */
public final class FailureClassifier {
  /** Whom a phase talks to: decides the cause of a failed connect. */
  public enum Peer {
    ORIGIN,
    PROXY,
    DOMAIN_CONTROLLER
  }

  private FailureClassifier() {}

  /**
   * Classifies {@code error}, thrown in {@code phase} while talking to {@code subject}.
   *
   * @param timedOut true when the deadline had run out (also when the connection was aborted)
   */
  public static ProbeFailure classify(
      Phase phase, Peer peer, String subject, Throwable error, boolean timedOut) {
    boolean timeout = timedOut || error instanceof InterruptedIOException;
    Cause cause =
        switch (phase) {
          case RESOLVE -> resolveCause(peer, timeout);
          case CONNECT -> connectCause(peer, error, timeout);
          case PROXY_TUNNEL -> timeout ? Cause.HTTP_TIMEOUT : Cause.HTTP_BLOCKED;
          case TLS_HANDSHAKE -> timeout ? Cause.TLS_TIMEOUT : Cause.TLS_HANDSHAKE_FAILED;
          case REQUEST, RESPONSE -> httpCause(error, timeout);
          case NTP_EXCHANGE -> Cause.NTP_TIMEOUT;
        };
    return ProbeFailure.fail(cause, phase, message(phase, subject, error, timeout));
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

  /** ECONNREFUSED: the peer answered the SYN with a reset. */
  private static boolean isRefused(Throwable error) {
    return error instanceof ConnectException && lower(error).contains("refused");
  }

  /** EHOSTUNREACH or ENETUNREACH, from the routing table or an ICMP error. */
  private static boolean isUnreachable(Throwable error) {
    String lower = lower(error);
    return error instanceof NoRouteToHostException
        || lower.contains("unreachable")
        || lower.contains("no route");
  }

  private static String message(Phase phase, String subject, Throwable error, boolean timeout) {
    if (timeout) {
      return switch (phase) {
        case RESOLVE -> "no DNS answer for " + subject + " within the deadline";
        case CONNECT -> "no answer to the connection attempt to " + subject + " (dropped)";
        case TLS_HANDSHAKE -> subject + " accepted TCP but did not complete the TLS handshake";
        case NTP_EXCHANGE -> "no NTP reply from " + subject + " within the deadline";
        default -> subject + " did not answer within the deadline";
      };
    }
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
    if (isUnreachable(error)) {
      return "no route to " + subject + ": " + detail(error);
    }
    return "connection to " + subject + " failed: " + detail(error);
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

  /** The failure in words, never a Java class name. */
  private static String detail(Throwable error) {
    return error instanceof IOException io ? IoErrors.reason(io) : "an unexpected error";
  }

  private static String lower(Throwable error) {
    String message = error.getMessage();
    return message == null ? "" : message.toLowerCase(Locale.ROOT);
  }
}
