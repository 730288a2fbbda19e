package dev.preflight.probe;

import dev.preflight.probe.net.DnsAnswer;
import dev.preflight.probe.net.RecordType;
import java.util.Locale;

/**
 * Asks the resolver whether a name is an alias (a CNAME record, RFC 1035 section 3.3.1) and of
 * what, in the RESOLVE phase. A name without a CNAME, or one that does not exist, passes with a
 * detail saying so: whether an alias must exist is for the caller to judge. The target, when there
 * is one, is the {@link Fact#CNAME_TARGET} fact. Silence is {@link Cause#DNS_TIMEOUT}, a server
 * failure or refusal {@link Cause#DNS_SERVFAIL}, as for every lookup.
 */
public final class AliasProbe {
  private AliasProbe() {}

  /** Looks up the CNAME of {@code target.endpoint().host()}. */
  public static ProbeResult run(ProbeTarget target, ProbeContext context) {
    ProbeRun run =
        new ProbeRun(target, context, Deadline.start(context.clock(), context.timeout()));
    String name = target.endpoint().host();
    try {
      DnsAnswer answer = DnsProbe.ask(run, name, RecordType.CNAME);
      switch (answer.rcode()) {
        case NOERROR, NXDOMAIN -> run.end(Phase.RESOLVE);
        default ->
            throw run.fail(
                Phase.RESOLVE,
                Cause.DNS_SERVFAIL,
                "the resolver answered " + answer.rcode() + " for " + name);
      }
      if (answer.aliases().isEmpty()) {
        run.fact(Fact.DETAIL, name + " has no CNAME record");
      } else {
        String alias = answer.aliases().get(0).toLowerCase(Locale.ROOT);
        run.fact(Fact.CNAME_TARGET, alias);
        run.fact(Fact.DETAIL, name + " is an alias of " + alias);
      }
      return run.passed();
    } catch (ProbeAbort abort) {
      return run.failed(abort.failure());
    }
  }
}
