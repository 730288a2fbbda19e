package dev.preflight.probe;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One SNTP exchange (RFC 4330) with the entry's host on its first port: RESOLVE, then NTP_EXCHANGE.
 * The reply must be a synchronised server's answer to this very request (mode 4, stratum 1-15, leap
 * indicator not 3, originate timestamp echoed); a kiss-of-death, an unsynchronised server or
 * anything malformed is {@link Cause#NTP_BAD_RESPONSE}. The offset is recorded as a fact and judged
 * with the rest of the run's clock evidence in one place (the verdict's clock judge), not here. NTP
 * is UDP and never goes through a web proxy, whatever the route says.
 */
final class NtpProbe implements Probe {
  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context) {
    ProbeRun run = new ProbeRun(target, context);
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
    byte[] reply =
        run.phase(
            Phase.NTP_EXCHANGE,
            Peer.ORIGIN,
            subject,
            () ->
                run.context()
                    .connector()
                    .exchange(address, port, SntpPacket.request(sent), run.deadline().remaining()));
    Instant t4 = run.context().clock().now();
    SntpPacket packet = SntpPacket.parse(reply);
    String problem = problem(packet, sent);
    if (problem != null) {
      throw run.abort(
          ProbeFailure.fail(Cause.NTP_BAD_RESPONSE, Phase.NTP_EXCHANGE, subject + " " + problem));
    }
    judgeOffset(run, subject, t1, packet, t4);
  }

  private static void judgeOffset(
      ProbeRun run, String subject, Instant t1, SntpPacket packet, Instant t4) {
    Duration offset = SntpPacket.offset(t1, packet.receive(), packet.transmit(), t4);
    Duration roundTrip = SntpPacket.roundTrip(t1, packet.receive(), packet.transmit(), t4);
    run.fact(Fact.NTP_OFFSET_MS, Long.toString(offset.toMillis()));
    run.fact(Fact.NTP_ROUND_TRIP_MS, Long.toString(Math.max(0, roundTrip.toMillis())));
    run.fact(Fact.DETAIL, "clock offset " + offset.toMillis() + " ms against " + subject);
  }

  /** What is wrong with the reply, or null when it is a usable answer. */
  private static @Nullable String problem(@Nullable SntpPacket packet, long sent) {
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
    if (packet.originate() != sent || packet.transmitRaw() == 0) {
      return "sent a reply that does not answer this request (originate timestamp mismatch)";
    }
    return null;
  }
}
