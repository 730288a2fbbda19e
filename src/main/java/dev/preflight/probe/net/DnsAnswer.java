package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resolver's reply to one question. The response code is reported as the server sent it; an empty
 * {@code addresses} list with {@link Rcode#NOERROR} is a "no data" answer.
 *
 * <p>When the name is an alias, {@code chain} lists the names from the one asked to the last alias
 * target, and the response code and records describe that last name (RFC 6604 section 3): an
 * NXDOMAIN with a chain says that the target, not the name asked, does not exist.
 *
 * @param rcode the response code
 * @param addresses the A or AAAA answers, in the order received (empty for other types)
 * @param services the SRV answers (empty for other types)
 * @param records how many answer records of the asked type came back (SOA included)
 * @param chain the CNAME chain, the asked name first; empty when the name is not an alias
 */
public record DnsAnswer(
    Rcode rcode,
    List<IpAddress> addresses,
    List<ServiceRecord> services,
    int records,
    List<String> chain) {
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
    chain = List.copyOf(chain);
  }

  /** An answer for a name that is not an alias. */
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

  /** The last name of the chain, the one the response code describes; null without a chain. */
  public @Nullable String target() {
    return chain.isEmpty() ? null : chain.getLast();
  }

  /**
   * This answer's chain continued by {@code next}, the answer to a question for {@link #target()}:
   * the response code and records are {@code next}'s, the chain runs through both. A chain that
   * comes back to a name it passed, or grows beyond {@link DnsReplies#MAX_CHAIN} names, has no
   * usable answer: {@link Rcode#SERVFAIL}.
   */
  DnsAnswer continuedBy(DnsAnswer next) {
    List<String> joined = new ArrayList<>(chain);
    if (next.chain.size() > 1) {
      joined.addAll(next.chain.subList(1, next.chain.size()));
    }
    boolean looped =
        joined.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count() < joined.size();
    if (looped || joined.size() > DnsReplies.MAX_CHAIN) {
      return new DnsAnswer(Rcode.SERVFAIL, List.of(), List.of(), 0, joined);
    }
    return new DnsAnswer(next.rcode, next.addresses, next.services, next.records, joined);
  }
}
