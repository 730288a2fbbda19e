package dev.preflight.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * A UDP DNS responder on 127.0.0.1 built on dnsjava's message classes. Each name gets a behaviour;
 * names without one are NXDOMAIN. It answers A and AAAA from the addresses given (the other type
 * comes back empty), SOA and SRV where configured.
 */
public final class DnsTestServer implements AutoCloseable {
  /** How the server treats a name. */
  public enum Mode {
    ANSWER,
    NXDOMAIN,
    SERVFAIL,
    REFUSED,
    /** NOERROR without any record: "no data". */
    EMPTY,
    /** Never answers. */
    SILENT,
    /** Ignores the first query for the name, as a busy resolver drops a burst, then answers. */
    DROP_FIRST
  }

  private record Entry(Mode mode, List<InetAddress> addresses, List<Record> extra) {}

  private final DatagramSocket socket;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Boolean> dropped = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger queries =
      new java.util.concurrent.atomic.AtomicInteger();

  public DnsTestServer() {
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Thread.ofVirtual().name("dns-" + socket.getLocalPort()).start(this::serve);
  }

  /** Answers {@code name} with these address literals (A or AAAA by family). */
  public DnsTestServer answer(String name, String... literals) {
    return answer(name, Mode.ANSWER, literals);
  }

  /** Like {@link #answer(String, String...)} in a mode that answers (ANSWER or DROP_FIRST). */
  public DnsTestServer answer(String name, Mode mode, String... literals) {
    List<InetAddress> addresses =
        java.util.Arrays.stream(literals).map(DnsTestServer::literal).toList();
    entries.put(key(name), new Entry(mode, addresses, List.of()));
    return this;
  }

  public DnsTestServer mode(String name, Mode mode) {
    entries.put(key(name), new Entry(mode, List.of(), List.of()));
    return this;
  }

  /** Answers {@code name} IN SRV with one record per target ("host:port"). */
  public DnsTestServer srv(String name, String... targets) {
    Name owner = absolute(name);
    List<Record> records =
        java.util.Arrays.stream(targets)
            .map(
                t ->
                    (Record)
                        new SRVRecord(
                            owner,
                            DClass.IN,
                            60,
                            0,
                            100,
                            Integer.parseInt(t.substring(t.lastIndexOf(':') + 1)),
                            absolute(t.substring(0, t.lastIndexOf(':')))))
            .toList();
    entries.put(key(name), new Entry(Mode.ANSWER, List.of(), records));
    return this;
  }

  /** Answers {@code name} IN CNAME with {@code target} (other types come back empty). */
  public DnsTestServer cname(String name, String target) {
    Record alias = new CNAMERecord(absolute(name), DClass.IN, 60, absolute(target));
    entries.put(key(name), new Entry(Mode.ANSWER, List.of(), List.of(alias)));
    return this;
  }

  /** Makes {@code zone} exist with an SOA record. */
  public DnsTestServer soa(String zone) {
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
    entries.put(key(zone), new Entry(Mode.ANSWER, List.of(), List.of(soa)));
    return this;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
  }

  /** How many queries arrived so far, answered or not. */
  public int queries() {
    return queries.get();
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        queries.incrementAndGet();
        byte[] reply = reply(new Message(java.util.Arrays.copyOf(buffer, packet.getLength())));
        if (reply != null) {
          socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        // closed, or a query that does not parse: ignore it like a real server would
      }
    }
  }

  private byte[] reply(Message query) {
    Record question = query.getQuestion();
    Entry entry =
        entries.getOrDefault(
            key(question.getName().toString(true)), new Entry(Mode.NXDOMAIN, List.of(), List.of()));
    if (entry.mode() == Mode.SILENT) {
      return null;
    }
    String drop = key(question.getName().toString(true)) + "/" + question.getType();
    if (entry.mode() == Mode.DROP_FIRST && dropped.putIfAbsent(drop, true) == null) {
      return null;
    }
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RD);
    response.getHeader().setFlag(Flags.RA);
    response.addRecord(question, Section.QUESTION);
    response.getHeader().setRcode(rcode(entry.mode()));
    if (entry.mode() == Mode.ANSWER || entry.mode() == Mode.DROP_FIRST) {
      addAnswers(response, question, entry);
    }
    return response.toWire();
  }

  private static void addAnswers(Message response, Record question, Entry entry) {
    for (InetAddress address : entry.addresses()) {
      boolean v4 = address instanceof Inet4Address;
      if (question.getType() == Type.A && v4) {
        response.addRecord(new ARecord(question.getName(), DClass.IN, 60, address), Section.ANSWER);
      } else if (question.getType() == Type.AAAA && !v4) {
        response.addRecord(
            new AAAARecord(question.getName(), DClass.IN, 60, address), Section.ANSWER);
      }
    }
    for (Record record : entry.extra()) {
      if (record.getType() == question.getType()) {
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

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static Name absolute(String name) {
    try {
      return Name.fromString(name.endsWith(".") ? name : name + ".");
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

  @Override
  public void close() {
    socket.close();
  }
}
