package dev.preflight.probe.net;

import dev.preflight.common.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads a genuine reply into a {@link DnsAnswer}: follows the CNAME records of the answer section
 * from the asked name (RFC 1034 section 3.6.2) and keeps only the records of the asked type that
 * belong to the chain's last name; records for other owners answer nothing that was asked.
 */
final class DnsReplies {
  /** Longest chain followed, names included; resolvers stop at a similar depth (BIND: 16). */
  static final int MAX_CHAIN = 16;

  /**
   * A decoded reply.
   *
   * @param answer what the reply says about the chain's last name
   * @param bareAlias true when the reply names an alias target but says nothing about it: NOERROR
   *     without records for the target and without the SOA record that makes "no data" final (RFC
   *     2308 section 2.2). Only a further question for the target tells whether it exists.
   */
  record Decoded(DnsAnswer answer, boolean bareAlias) {}

  private DnsReplies() {}

  static Decoded decode(Message reply, DnsQuery query) {
    List<Record> answers = reply.getSection(Section.ANSWER);
    List<Name> chain = chain(reply.getQuestion().getName(), answers);
    Name last = chain.getLast();
    boolean broken = chain.size() > 1 && chain.indexOf(last) < chain.size() - 1;
    if (broken || chain.size() > MAX_CHAIN) {
      // A loop or an endless chain: no usable answer, whatever the response code says.
      return new Decoded(answer(DnsAnswer.Rcode.SERVFAIL, List.of(), query, chain), false);
    }
    List<Record> owned = answers.stream().filter(r -> r.getName().equals(last)).toList();
    DnsAnswer answer = answer(rcode(reply.getRcode()), owned, query, chain);
    boolean negative =
        reply.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.SOA);
    boolean bare =
        chain.size() > 1
            && answer.rcode() == DnsAnswer.Rcode.NOERROR
            && answer.records() == 0
            && !negative;
    return new Decoded(answer, bare);
  }

  /** The asked name, then each CNAME target in turn; stops after a repeated name. */
  private static List<Name> chain(Name asked, List<Record> answers) {
    Map<Name, Name> aliases = new HashMap<>();
    for (Record record : answers) {
      if (record instanceof CNAMERecord cname) {
        aliases.putIfAbsent(cname.getName(), cname.getTarget());
      }
    }
    List<Name> chain = new ArrayList<>(List.of(asked));
    Name current = asked;
    while (aliases.containsKey(current) && chain.size() <= MAX_CHAIN) {
      Name target = aliases.get(current);
      boolean repeated = chain.contains(target);
      chain.add(target);
      if (repeated) {
        break;
      }
      current = target;
    }
    return chain;
  }

  private static DnsAnswer answer(
      DnsAnswer.Rcode rcode, List<Record> owned, DnsQuery query, List<Name> chain) {
    List<IpAddress> addresses = new ArrayList<>();
    List<ServiceRecord> services = new ArrayList<>();
    int records = 0;
    for (Record record : owned) {
      if (record.getType() != DnsQuery.typeCode(query.type())) {
        continue;
      }
      records++;
      switch (record) {
        case ARecord a -> addresses.add(Inet.address(a.getAddress()));
        case AAAARecord aaaa -> addresses.add(Inet.address(aaaa.getAddress()));
        case SRVRecord srv ->
            services.add(
                new ServiceRecord(
                    srv.getTarget().toString(true),
                    srv.getPort(),
                    srv.getPriority(),
                    srv.getWeight()));
        default -> {
          // SOA: only its presence matters
        }
      }
    }
    List<String> names =
        chain.size() > 1 ? chain.stream().map(n -> n.toString(true)).toList() : List.of();
    return new DnsAnswer(rcode, addresses, services, records, names);
  }

  private static DnsAnswer.Rcode rcode(int code) {
    return switch (code) {
      case Rcode.NOERROR -> DnsAnswer.Rcode.NOERROR;
      case Rcode.NXDOMAIN -> DnsAnswer.Rcode.NXDOMAIN;
      case Rcode.SERVFAIL -> DnsAnswer.Rcode.SERVFAIL;
      case Rcode.REFUSED -> DnsAnswer.Rcode.REFUSED;
      default -> DnsAnswer.Rcode.OTHER;
    };
  }
}
