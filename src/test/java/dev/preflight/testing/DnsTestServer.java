package dev.preflight.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A DNS responder on 127.0.0.1, UDP and TCP on the same port, built on dnsjava's message classes.
 * Each name gets a behaviour; names without one are NXDOMAIN. It answers A and AAAA from the
 * addresses given (the other type comes back empty), SOA and SRV where configured, and follows
 * CNAMEs like a recursive resolver (the response code describes the chain's last name). It counts
 * the queries it receives, and can forge replies, truncate them or answer late.
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

  /** A reply sent before the genuine one, as an off-path attacker or a confused server would. */
  public enum Forgery {
    /** The genuine question, another transaction id, a made-up address. */
    WRONG_ID,
    /** The genuine id, the answer to another question. */
    WRONG_QUESTION,
    /** A correct-looking answer sent from another port of this host. */
    WRONG_SOURCE,
    /** The genuine id followed by bytes that are no DNS message. */
    GARBAGE
  }

  /** The address forged replies claim: never a real answer in any test. */
  public static final String FORGED_ADDRESS = "198.18.66.66";

  private final DatagramSocket socket;
  private final DatagramSocket forger;
  private final ServerSocket tcp;
  private final DnsZone zone = new DnsZone();
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicInteger queries = new AtomicInteger();
  private final Map<String, Boolean> dropped = new ConcurrentHashMap<>();

  public DnsTestServer() {
    try {
      forger = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      DatagramSocket udp = null;
      ServerSocket stream = null;
      // The same port number for UDP and TCP, as a DNS server has; retry while TCP's is taken.
      for (int attempt = 0; stream == null; attempt++) {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try {
          stream = new ServerSocket(udp.getLocalPort(), 50, InetAddress.getLoopbackAddress());
        } catch (IOException taken) {
          udp.close();
          if (attempt == 20) {
            throw taken;
          }
        }
      }
      socket = udp;
      tcp = stream;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Thread.ofVirtual().name("dns-" + socket.getLocalPort()).start(this::serve);
    Thread.ofVirtual().name("dns-tcp-" + socket.getLocalPort()).start(this::serveTcp);
  }

  /** Answers {@code name} with these address literals (A or AAAA by family). */
  public DnsTestServer answer(String name, String... literals) {
    zone.answer(name, Mode.ANSWER, literals);
    return this;
  }

  /** Like {@link #answer(String, String...)} in a mode that answers (ANSWER or DROP_FIRST). */
  public DnsTestServer answer(String name, Mode mode, String... literals) {
    zone.answer(name, mode, literals);
    return this;
  }

  public DnsTestServer mode(String name, Mode mode) {
    zone.mode(name, mode);
    return this;
  }

  /** Answers {@code name} IN SRV with one record per target ("host:port"). */
  public DnsTestServer srv(String name, String... targets) {
    zone.srv(name, targets);
    return this;
  }

  /** Makes {@code zone} exist with an SOA record. */
  public DnsTestServer soa(String zoneName) {
    zone.soa(zoneName);
    return this;
  }

  /** Makes {@code alias} a CNAME of {@code target}, answered with the target's records. */
  public DnsTestServer cname(String alias, String target) {
    zone.cname(alias, target, false);
    return this;
  }

  /**
   * Makes {@code alias} a CNAME of {@code target}, answered NOERROR with the CNAME alone, as
   * dnsmasq answers a {@code cname=} whose target it does not hold.
   */
  public DnsTestServer bareCname(String alias, String target) {
    zone.cname(alias, target, true);
    return this;
  }

  /** Sends these forged replies to every query, before the genuine one if the mode answers. */
  public DnsTestServer forge(String name, Forgery... forgeries) {
    zone.forge(name, List.of(forgeries));
    return this;
  }

  /** Answers {@code name} over UDP only truncated (TC, no records); TCP gets the whole answer. */
  public DnsTestServer truncate(String name) {
    zone.truncate(name);
    return this;
  }

  /** Answers {@code name} only after {@code delay}, without holding up other queries. */
  public DnsTestServer delay(String name, Duration delay) {
    zone.delay(name, delay);
    return this;
  }

  /**
   * How many queries for {@code name} and {@code type} ("A", "AAAA", "SRV"...) arrived, TCP too.
   */
  public int queries(String name, String type) {
    AtomicInteger count = received.get(DnsZone.key(name) + "/" + type);
    return count == null ? 0 : count.get();
  }

  /** How many queries arrived so far, answered or not, UDP and TCP. */
  public int queries() {
    return queries.get();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Message query = new Message(Arrays.copyOf(buffer, packet.getLength()));
        SocketAddress client = packet.getSocketAddress();
        Duration delay = zone.delayOf(query);
        if (delay.isZero()) {
          answerUdp(query, client);
        } else {
          Thread.ofVirtual().start(() -> answerLater(query, client, delay));
        }
      } catch (IOException e) {
        // closed, or a query that does not parse: ignore it like a real server would
      }
    }
  }

  private void answerLater(Message query, SocketAddress client, Duration delay) {
    try {
      Thread.sleep(delay);
      answerUdp(query, client);
    } catch (InterruptedException | IOException e) {
      // the server is closing
    }
  }

  private void answerUdp(Message query, SocketAddress client) throws IOException {
    Record question = query.getQuestion();
    count(question);
    for (Forgery forgery : zone.forgeries(question)) {
      byte[] forged = zone.forged(query, forgery);
      DatagramSocket from = forgery == Forgery.WRONG_SOURCE ? forger : socket;
      from.send(new DatagramPacket(forged, forged.length, client));
    }
    if (!zone.answers(question) || dropFirst(question)) {
      return;
    }
    byte[] reply = zone.reply(query, zone.truncated(question)).toWire();
    socket.send(new DatagramPacket(reply, reply.length, client));
  }

  private boolean dropFirst(Record question) {
    String drop = DnsZone.key(question.getName().toString(true)) + "/" + question.getType();
    return zone.mode(question) == Mode.DROP_FIRST && dropped.putIfAbsent(drop, true) == null;
  }

  private void serveTcp() {
    while (!tcp.isClosed()) {
      try {
        Socket connection = tcp.accept();
        Thread.ofVirtual().start(() -> answerTcp(connection));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void answerTcp(Socket connection) {
    try (connection) {
      DataInputStream in = new DataInputStream(connection.getInputStream());
      byte[] wire = new byte[in.readUnsignedShort()];
      in.readFully(wire);
      Message query = new Message(wire);
      count(query.getQuestion());
      byte[] reply = zone.reply(query, false).toWire();
      DataOutputStream out = new DataOutputStream(connection.getOutputStream());
      out.writeShort(reply.length);
      out.write(reply);
      out.flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  private void count(Record question) {
    String key =
        DnsZone.key(question.getName().toString(true)) + "/" + Type.string(question.getType());
    received.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    queries.incrementAndGet();
  }

  @Override
  public void close() {
    socket.close();
    forger.close();
    try {
      tcp.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
