package dev.preflight.probe;

import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.DnsAnswer.Rcode;
import dev.preflight.probe.net.IpAddress;
import dev.preflight.probe.net.RecordType;
import java.io.IOException;

/**
 * Tells whether a destination a proxy could not reach has only IPv6 addresses, as this machine's
 * resolver answers: no A record but AAAA ones (NCSI's {@code ipv6.msftconnecttest.com}). A proxy
 * without an IPv6 route fails such a name whatever its product says (Squid 5 answers CONNECT with
 * {@code ERR_CANNOT_FORWARD}, a GET with {@code ERR_READ_ERROR}), and a device behind it does not
 * use IPv6-only names either. The lookup is a hint, not a RESOLVE phase: it runs only after the
 * proxy failed, within the probe's deadline, and a resolver that cannot answer (networks where only
 * the proxy resolves public names) simply gives no hint.
 */
final class Ipv6OnlyName {
  private Ipv6OnlyName() {}

  /** {@code reading}, marked IPv6-only when it is an upstream failure for such a {@code host}. */
  static ProxyAnswer.Reading refine(ProbeRun run, String host, ProxyAnswer.Reading reading) {
    if (reading.meaning() != ProxyAnswer.Meaning.UPSTREAM_FAILED
        || reading.ipv6Only()
        || IpAddress.isLiteral(host)) {
      return reading;
    }
    return only(run, host) ? reading.forIpv6OnlyName() : reading;
  }

  private static boolean only(ProbeRun run, String host) {
    try {
      DnsAnswer v4 = run.context().resolver().query(host, RecordType.A, run.deadline().remaining());
      if (v4.rcode() != Rcode.NOERROR || !v4.addresses().isEmpty()) {
        return false;
      }
      DnsAnswer v6 =
          run.context().resolver().query(host, RecordType.AAAA, run.deadline().remaining());
      return v6.rcode() == Rcode.NOERROR && !v6.addresses().isEmpty();
    } catch (IOException e) {
      return false; // no answer, no hint
    }
  }
}
