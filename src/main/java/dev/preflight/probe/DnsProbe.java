package dev.preflight.probe;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Expectation;
import dev.preflight.probe.FailureClassifier.Peer;
import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.DnsAnswer.Rcode;
import dev.preflight.probe.net.IpAddress;
import dev.preflight.probe.net.RecordType;
import dev.preflight.probe.net.ServiceRecord;
import java.util.Comparator;
import java.util.List;

/**
 * Asks the configured resolver about a name, all in the RESOLVE phase. Three shapes:
 *
 * <ul>
 *   <li>a zone check ({@code expect.zone}): an SOA question; any NOERROR passes, because the zone
 *       only has to be resolvable, not a particular host in it;
 *   <li>an SRV name (starting with {@code _}): the DC locator record; no record is {@link
 *       Cause#DC_NOT_FOUND};
 *   <li>otherwise A and AAAA, judged like every probe's RESOLVE phase, plus {@code expect.address}:
 *       the NCSI name must resolve to that exact address. Any other answer is {@link
 *       Cause#DNS_SINKHOLE}: a resolver that substitutes its own address for a name it does not own
 *       (a DNS filter or a captive portal answering every name) is a sinkhole in the wider sense
 *       the contract gives it, and Windows concludes there is no internet.
 * </ul>
 */
final class DnsProbe implements Probe {
  @Override
  public ProbeResult run(ProbeTarget target, ProbeContext context, Deadline deadline) {
    Endpoint endpoint = target.endpoint();
    if (endpoint.host().startsWith("_")) {
      return discover(target, context, deadline).result();
    }
    ProbeRun run = new ProbeRun(target, context, deadline);
    try {
      if (endpoint.expect().zone()) {
        checkZone(run, endpoint.host());
      } else {
        checkAddresses(run, endpoint.host(), endpoint.expect());
      }
      return run.passed();
    } catch (ProbeAbort abort) {
      return run.failed(abort.failure());
    }
  }

  static DomainControllers.Discovery discover(
      ProbeTarget target, ProbeContext context, Deadline deadline) {
    ProbeRun run = new ProbeRun(target, context, deadline);
    String name = target.endpoint().host();
    try {
      DnsAnswer answer = ask(run, name, RecordType.SRV);
      boolean noData = answer.rcode() == Rcode.NOERROR && answer.services().isEmpty();
      if (noData || answer.rcode() == Rcode.NXDOMAIN) {
        throw run.fail(
            Phase.RESOLVE, Cause.DC_NOT_FOUND, "no domain controller SRV record " + name);
      }
      judgeRcode(run, name, answer);
      run.end(Phase.RESOLVE);
      List<ServiceRecord> controllers =
          answer.services().stream()
              .sorted(
                  Comparator.comparingInt(ServiceRecord::priority)
                      .thenComparing(Comparator.comparingInt(ServiceRecord::weight).reversed()))
              .toList();
      String list =
          String.join(",", controllers.stream().map(s -> s.host() + ":" + s.port()).toList());
      run.fact(Fact.ADDRESSES, list);
      run.fact(Fact.DETAIL, controllers.size() + " domain controller(s): " + list);
      return new DomainControllers.Discovery(run.passed(), controllers);
    } catch (ProbeAbort abort) {
      return new DomainControllers.Discovery(run.failed(abort.failure()), List.of());
    }
  }

  private static void checkZone(ProbeRun run, String zone) throws ProbeAbort {
    DnsAnswer answer = ask(run, zone, RecordType.SOA);
    judgeRcode(run, zone, answer);
    run.end(Phase.RESOLVE);
    run.fact(Fact.DETAIL, "the resolver answers for the zone " + zone);
  }

  private static void checkAddresses(ProbeRun run, String host, Expectation expect)
      throws ProbeAbort {
    List<IpAddress> addresses = AddressLookup.resolve(run, host, Peer.ORIGIN);
    String all = AddressLookup.join(addresses);
    run.fact(Fact.ADDRESSES, all);
    String wanted = expect.address();
    if (wanted != null && addresses.stream().noneMatch(a -> sameAddress(a, wanted))) {
      // The RESOLVE phase has already ended: this is a judgement of its answer.
      throw run.abort(
          ProbeFailure.fail(
              Cause.DNS_SINKHOLE,
              Phase.RESOLVE,
              host
                  + " resolves to "
                  + all
                  + " instead of "
                  + wanted
                  + ": the resolver answers in place of the real zone (DNS filter or captive"
                  + " portal)"));
    }
    run.fact(Fact.DETAIL, host + " resolves to " + all);
  }

  private static boolean sameAddress(IpAddress address, String wanted) {
    return IpAddress.isLiteral(wanted) && IpAddress.parse(wanted).equals(address);
  }

  /** Starts RESOLVE and asks one question; the phase stays open for the caller to judge. */
  static DnsAnswer ask(ProbeRun run, String name, RecordType type) throws ProbeAbort {
    run.start(Phase.RESOLVE);
    try {
      return run.context().resolver().query(name, type, run.deadline().remaining());
    } catch (java.io.IOException e) {
      throw run.abort(run.classify(Phase.RESOLVE, Peer.ORIGIN, name, e));
    }
  }

  private static void judgeRcode(ProbeRun run, String name, DnsAnswer answer) throws ProbeAbort {
    switch (answer.rcode()) {
      case NOERROR -> {}
      case NXDOMAIN ->
          throw run.fail(Phase.RESOLVE, Cause.DNS_NXDOMAIN, name + " does not exist (NXDOMAIN)");
      default ->
          throw run.fail(
              Phase.RESOLVE,
              Cause.DNS_SERVFAIL,
              "the resolver answered " + answer.rcode() + " for " + name);
    }
  }
}
