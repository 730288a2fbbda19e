package dev.preflight.probe.net;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One DNS question as it goes on the wire, with the transaction id dnsjava draws from a {@link
 * java.security.SecureRandom}, and the test a reply must pass to count as its answer.
 *
 * <p>A reply is genuine only when it is a response to a standard query, carries this id and repeats
 * this question — name, type and class (RFC 5452 section 9.1). Anything else is discarded: a forged
 * or stale reply, or one to another query, never decides what a name resolves to. The sender is
 * checked by the socket: queries go out on connected sockets, which receive only what the server's
 * own address and port send.
 */
final class DnsQuery {
  private final String name;
  private final RecordType type;
  private final Record question;
  private final int id;
  private final byte[] wire;

  private DnsQuery(String name, RecordType type, Message message) {
    this.name = name;
    this.type = type;
    this.question = message.getQuestion();
    this.id = message.getHeader().getID();
    this.wire = message.toWire();
  }

  /**
   * A recursive query for {@code name} (absolute; a trailing dot is optional).
   *
   * @throws IOException when {@code name} is not a valid DNS name
   */
  static DnsQuery of(String name, RecordType type) throws IOException {
    Name absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
    Record question = Record.newRecord(absolute, typeCode(type), DClass.IN);
    return new DnsQuery(name, type, Message.newQuery(question));
  }

  /** The name as asked, for counters and messages. */
  String name() {
    return name;
  }

  RecordType type() {
    return type;
  }

  /** The query's bytes; callers must not change them. */
  byte[] wire() {
    return wire;
  }

  /**
   * The reply in {@code bytes} when it answers this query, or null when it does not parse or does
   * not match: wrong id, not a response, another opcode, or another question.
   */
  @Nullable Message match(byte[] bytes) {
    Message reply;
    try {
      reply = new Message(bytes);
    } catch (IOException | RuntimeException e) { // garbage is discarded like a forgery
      return null;
    }
    boolean response =
        reply.getHeader().getID() == id
            && reply.getHeader().getFlag(Flags.QR)
            && reply.getHeader().getOpcode() == Opcode.QUERY;
    return response && sameQuestion(reply) ? reply : null;
  }

  private boolean sameQuestion(Message reply) {
    if (reply.getSection(Section.QUESTION).size() != 1) {
      return false;
    }
    Record echoed = reply.getQuestion();
    return echoed.getName().equals(question.getName())
        && echoed.getType() == question.getType()
        && echoed.getDClass() == question.getDClass();
  }

  /**
   * Encodes, matches and decodes one made-up reply, so that dnsjava's classes are loaded and
   * initialised (a tenth of a second on an idle machine) before the first real query needs them.
   */
  static void warmUp() {
    try {
      DnsQuery query = of("warm-up.invalid", RecordType.A);
      Message reply = new Message(query.wire());
      reply.getHeader().setFlag(Flags.QR);
      Message matched = query.match(reply.toWire());
      if (matched != null) {
        DnsReplies.decode(matched, query);
      }
    } catch (IOException e) {
      // a constant, valid name: cannot happen, and a cold first query is no failure
    }
  }

  static int typeCode(RecordType type) {
    return switch (type) {
      case A -> Type.A;
      case AAAA -> Type.AAAA;
      case SOA -> Type.SOA;
      case SRV -> Type.SRV;
      case CNAME -> Type.CNAME;
    };
  }
}
