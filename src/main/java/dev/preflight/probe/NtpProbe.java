package dev.preflight.probe;

import dev.preflight.catalog.Endpoint;
import dev.preflight.common.IpAddress;
import dev.preflight.probe.FailureClassifier.Peer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One SNTP exchange (RFC 4330) with the entry's host on its first port: RESOLVE, then NTP_EXCHANGE.
 * Replies that do not answer this very request (originate timestamp not echoed, or too short) are
 * discarded and the wait goes on to the deadline, so one stale or spoofed datagram cannot decide;
 * when only such replies came, the cause is {@link Cause#NTP_BAD_RESPONSE} and the detail says how
 * many were discarded. The answer must be a synchronised server's (mode 4, stratum 1-15, leap
 * indicator not 3); a kiss-of-death or an unsynchronised server is {@link Cause#NTP_BAD_RESPONSE}.
 * The offset is recorded as a fact and judged with the rest of the run's clock evidence in one
 * place (the verdict's clock judge), not here. NTP is UDP and never goes through a web proxy,
 * whatever the route says.
 */
final class NtpProbe implements Probe {
  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context, Deadline deadline) {
    ProbeRun run = new ProbeRun(target, context, deadline);
    Endpoint endpoint = target.endpoint();
    try {
      IpAddress address = AddressLookup.resolve(run, endpoint.host(), Peer.ORIGIN).get(0);
      run.fact(Fact.ADDRESSES, address.text());
      run.fact(Fact.ADDRESS_FAMILY, address.family().toString());
      exchange(run, address, endpoint.port());
      return run.passed();
    } catch (ProbeAbort abort) {
      return run.failed(abort.failure());
    }
  }

  private static void exchange(ProbeRun run, IpAddress address, int port) throws ProbeAbort {
    String subject = address + " port " + port;
    Instant t1 = run.context().clock().now();
    long sent = SntpPacket.timestamp(t1);
    List<byte[]> discarded = new CopyOnWriteArrayList<>();
    Predicate<byte[]> genuine =
        reply -> {
          boolean answers = answersRequest(reply, sent);
          if (!answers) {
            discarded.add(reply);
          }
          return answers;
        };
    run.start(Phase.NTP_EXCHANGE);
    byte[] reply =
        run.attempt(
            Phase.NTP_EXCHANGE,
            Peer.ORIGIN,
            subject,
            () -> receive(run, address, port, SntpPacket.request(sent), genuine, discarded));
    if (reply == null) {
      throw run.fail(Phase.NTP_EXCHANGE, Cause.NTP_BAD_RESPONSE, onlyDiscarded(subject, discarded));
    }
    Instant t4 = run.context().clock().now();
    SntpPacket packet = SntpPacket.parse(reply);
    String problem = problem(packet);
    if (problem != null) {
      throw run.fail(Phase.NTP_EXCHANGE, Cause.NTP_BAD_RESPONSE, subject + " " + problem);
    }
    run.end(Phase.NTP_EXCHANGE);
    judgeOffset(run, subject, t1, packet, t4);
  }

  /**
   * The genuine reply, or null when the deadline passed with only replies that do not answer this
   * request (RFC 5905 section 8: a client discards a reply whose originate timestamp is not the
   * transmit timestamp it sent, and keeps waiting).
   */
  private static byte @Nullable [] receive(
      ProbeRun run,
      IpAddress address,
      int port,
      byte[] request,
      Predicate<byte[]> genuine,
      List<byte[]> discarded)
      throws IOException {
    try {
      return run.context()
          .connector()
          .exchange(address, port, request, run.deadline().remaining(), genuine);
    } catch (SocketTimeoutException e) {
      if (discarded.isEmpty()) {
        throw e;
      }
      return null;
    }
  }

  /** True when {@code reply} is a whole SNTP message echoing {@code sent} as its originate. */
  private static boolean answersRequest(byte[] reply, long sent) {
    SntpPacket packet = SntpPacket.parse(reply);
    return packet != null && packet.originate() == sent;
  }

  private static String onlyDiscarded(String subject, List<byte[]> discarded) {
    int count = discarded.size();
    String why =
        SntpPacket.parse(discarded.get(0)) == null
            ? "shorter than 48 bytes"
            : "their originate timestamp is not this request's";
    return "no reply from "
        + subject
        + " answered this request within the deadline; "
        + (count == 1 ? "1 reply was" : count + " replies were")
        + " discarded ("
        + why
        + ")";
  }

  private static void judgeOffset(
      ProbeRun run, String subject, Instant t1, SntpPacket packet, Instant t4) {
    Duration offset = SntpPacket.offset(t1, packet.receive(), packet.transmit(), t4);
    Duration roundTrip = SntpPacket.roundTrip(t1, packet.receive(), packet.transmit(), t4);
    run.fact(Fact.NTP_OFFSET_MS, Long.toString(offset.toMillis()));
    run.fact(Fact.NTP_ROUND_TRIP_MS, Long.toString(Math.max(0, roundTrip.toMillis())));
    run.fact(Fact.DETAIL, "clock offset " + offset.toMillis() + " ms against " + subject);
  }

  /** What is wrong with the genuine reply, or null when it is a usable answer. */
  private static @Nullable String problem(@Nullable SntpPacket packet) {
    if (packet == null) {
      return "sent a malformed reply (shorter than 48 bytes)";
    }
    if (packet.mode() != 4 || packet.version() < 1 || packet.version() > 4) {
      return "sent a reply that is not an NTP server answer (mode " + packet.mode() + ")";
    }
    if (packet.stratum() == 0) {
      return "sent a kiss-of-death (" + packet.referenceId() + "): it refuses to serve time";
    }
    if (packet.leap() == 3 || packet.stratum() > 15) {
      return "is not synchronised (leap indicator "
          + packet.leap()
          + ", stratum "
          + packet.stratum()
          + ")";
    }
    if (packet.transmitRaw() == 0) {
      return "sent a reply without a transmit timestamp";
    }
    return null;
  }
}
