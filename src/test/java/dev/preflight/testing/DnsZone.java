package dev.preflight.testing;

import dev.preflight.testing.DnsTestServer.Forgery;
import dev.preflight.testing.DnsTestServer.Mode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The names a {@link DnsTestServer} knows, and the replies it builds from them. */
final class DnsZone {
  private record Entry(
      Mode mode,
      List<InetAddress> addresses,
      List<Record> extra,
      @Nullable String alias,
      boolean bare,
      List<Forgery> forgeries,
      boolean truncated,
      Duration delay) {
    static final Entry UNKNOWN =
        new Entry(
            Mode.NXDOMAIN, List.of(), List.of(), null, false, List.of(), false, Duration.ZERO);

    Entry records(Mode newMode, List<InetAddress> newAddresses, List<Record> newExtra) {
      return new Entry(newMode, newAddresses, newExtra, null, false, forgeries, truncated, delay);
    }

    Entry aliasOf(String target, boolean bareAlias) {
      return new Entry(
          Mode.ANSWER, List.of(), List.of(), target, bareAlias, forgeries, truncated, delay);
    }

    Entry forged(List<Forgery> newForgeries) {
      return new Entry(mode, addresses, extra, alias, bare, newForgeries, truncated, delay);
    }

    Entry truncate() {
      return new Entry(mode, addresses, extra, alias, bare, forgeries, true, delay);
    }

    Entry delayed(Duration newDelay) {
      return new Entry(mode, addresses, extra, alias, bare, forgeries, truncated, newDelay);
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  void answer(String name, Mode mode, String... literals) {
    List<InetAddress> addresses = Arrays.stream(literals).map(DnsZone::literal).toList();
    update(name, e -> e.records(mode, addresses, List.of()));
  }

  void mode(String name, Mode mode) {
    update(name, e -> e.records(mode, List.of(), List.of()));
  }

  void srv(String name, String... targets) {
    Name owner = absolute(name);
    List<Record> records = new ArrayList<>();
    for (String t : targets) {
      int colon = t.lastIndexOf(':');
      records.add(
          new SRVRecord(
              owner,
              DClass.IN,
              60,
              0,
              100,
              Integer.parseInt(t.substring(colon + 1)),
              absolute(t.substring(0, colon))));
    }
    update(name, e -> e.records(Mode.ANSWER, List.of(), records));
  }

  void soa(String zone) {
    Name owner = absolute(zone);
    Record soa =
        new SOARecord(
            owner,
            DClass.IN,
            60,
            absolute("ns." + zone),
            absolute("admin." + zone),
            1,
            3600,
            600,
            86400,
            60);
    update(zone, e -> e.records(Mode.ANSWER, List.of(), List.of(soa)));
  }

  void cname(String alias, String target, boolean bare) {
    update(alias, e -> e.aliasOf(target, bare));
  }

  void forge(String name, List<Forgery> forgeries) {
    update(name, e -> e.forged(forgeries));
  }

  void truncate(String name) {
    update(name, Entry::truncate);
  }

  void delay(String name, Duration delay) {
    update(name, e -> e.delayed(delay));
  }

  Mode mode(Record question) {
    return entry(question.getName()).mode();
  }

  boolean answers(Record question) {
    return mode(question) != Mode.SILENT;
  }

  List<Forgery> forgeries(Record question) {
    return entry(question.getName()).forgeries();
  }

  boolean truncated(Record question) {
    return entry(question.getName()).truncated();
  }

  Duration delayOf(Message query) {
    return entry(query.getQuestion().getName()).delay();
  }

  /** The reply to {@code query}; truncated: TC set and no records, so the client must use TCP. */
  Message reply(Message query, boolean truncated) {
    Record question = query.getQuestion();
    Message response = header(query.getHeader().getID(), question);
    if (truncated) {
      response.getHeader().setFlag(Flags.TC);
      return response;
    }
    Name name = question.getName();
    for (int i = 0; i < 16 && entry(name).alias() != null; i++) {
      Entry alias = entry(name);
      Name target = absolute(alias.alias());
      response.addRecord(new CNAMERecord(name, DClass.IN, 60, target), Section.ANSWER);
      name = target;
      if (alias.bare()) {
        return response;
      }
    }
    Entry last = entry(name);
    // A recursive resolver whose upstream stays silent for the target answers SERVFAIL.
    response.getHeader().setRcode(last.mode() == Mode.SILENT ? Rcode.SERVFAIL : rcode(last.mode()));
    if (last.mode() == Mode.ANSWER || last.mode() == Mode.DROP_FIRST) {
      addAnswers(response, name, question.getType(), last);
    }
    return response;
  }

  /** A reply that must not be taken for the answer to {@code query}. */
  byte[] forged(Message query, Forgery forgery) {
    Record question = query.getQuestion();
    int id = query.getHeader().getID();
    return switch (forgery) {
      case WRONG_ID -> positive((id + 1) & 0xffff, question).toWire();
      case WRONG_QUESTION ->
          positive(id, Record.newRecord(absolute("forged.example.test"), question.getType(), 1))
              .toWire();
      case WRONG_SOURCE -> positive(id, question).toWire();
      case GARBAGE -> {
        byte[] garbage = "??not a DNS message".getBytes(StandardCharsets.US_ASCII);
        garbage[0] = (byte) (id >> 8);
        garbage[1] = (byte) id;
        yield garbage;
      }
    };
  }

  private static Message positive(int id, Record question) {
    Message forged = header(id, question);
    InetAddress address =
        literal(question.getType() == Type.AAAA ? "2001:2::66" : DnsTestServer.FORGED_ADDRESS);
    Entry fake = Entry.UNKNOWN.records(Mode.ANSWER, List.of(address), List.of());
    addAnswers(forged, question.getName(), question.getType(), fake);
    return forged;
  }

  private static Message header(int id, Record question) {
    Message response = new Message(id);
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RD);
    response.getHeader().setFlag(Flags.RA);
    response.addRecord(question, Section.QUESTION);
    return response;
  }

  private static void addAnswers(Message response, Name owner, int type, Entry entry) {
    for (InetAddress address : entry.addresses()) {
      boolean v4 = address instanceof Inet4Address;
      if (type == Type.A && v4) {
        response.addRecord(new ARecord(owner, DClass.IN, 60, address), Section.ANSWER);
      } else if (type == Type.AAAA && !v4) {
        response.addRecord(new AAAARecord(owner, DClass.IN, 60, address), Section.ANSWER);
      }
    }
    for (Record record : entry.extra()) {
      if (record.getType() == type) {
        response.addRecord(record, Section.ANSWER);
      }
    }
  }

  private static int rcode(Mode mode) {
    return switch (mode) {
      case NXDOMAIN -> Rcode.NXDOMAIN;
      case SERVFAIL -> Rcode.SERVFAIL;
      case REFUSED -> Rcode.REFUSED;
      default -> Rcode.NOERROR;
    };
  }

  private Entry entry(Name name) {
    return entries.getOrDefault(key(name.toString(true)), Entry.UNKNOWN);
  }

  private void update(String name, UnaryOperator<Entry> change) {
    entries.compute(key(name), (k, old) -> change.apply(old == null ? Entry.UNKNOWN : old));
  }

  static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  static Name absolute(@Nullable String name) {
    try {
      return Name.fromString(name != null && name.endsWith(".") ? name : name + ".");
    } catch (IOException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  private static InetAddress literal(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
