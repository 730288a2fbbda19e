package dev.preflight.probe.net;

import java.util.List;
import java.util.Objects;

/**
 * A resolver's reply to one question. The response code is reported as the server sent it; an empty
 * {@code addresses} list with {@link Rcode#NOERROR} is a "no data" answer.
 *
 * @param rcode the response code
 * @param addresses the A or AAAA answers, in the order received (empty for other types)
 * @param services the SRV answers (empty for other types)
 * @param records how many answer records of the asked type came back (SOA included)
 * @param aliases the CNAME targets of a CNAME question, in the order received (empty for others)
 */
public record DnsAnswer(
    Rcode rcode,
    List<IpAddress> addresses,
    List<ServiceRecord> services,
    int records,
    List<String> aliases) {
  /** The response codes a probe distinguishes (RFC 1035 section 4.1.1). */
  public enum Rcode {
    NOERROR,
    NXDOMAIN,
    SERVFAIL,
    REFUSED,
    /** Any other code (FORMERR, NOTIMP, ...). */
    OTHER
  }

  public DnsAnswer {
    Objects.requireNonNull(rcode, "rcode");
    addresses = List.copyOf(addresses);
    services = List.copyOf(services);
    aliases = List.copyOf(aliases);
  }

  /** An answer to any question but CNAME. */
  public DnsAnswer(
      Rcode rcode, List<IpAddress> addresses, List<ServiceRecord> services, int records) {
    this(rcode, addresses, services, records, List.of());
  }

  /** An answer carrying only a response code. */
  public static DnsAnswer of(Rcode rcode) {
    return new DnsAnswer(rcode, List.of(), List.of(), 0);
  }

  /** A successful address answer. */
  public static DnsAnswer ofAddresses(List<IpAddress> addresses) {
    return new DnsAnswer(Rcode.NOERROR, addresses, List.of(), addresses.size());
  }
}
