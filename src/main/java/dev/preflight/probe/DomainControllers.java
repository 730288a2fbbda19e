package dev.preflight.probe;

import dev.preflight.probe.net.ServiceRecord;
import java.util.List;
import java.util.Objects;

/**
 * Finds the domain controllers of an Active Directory domain through the {@code
 * _ldap._tcp.dc._msdcs.<domain>} SRV record, as the Windows DC locator does. The hybrid-join plan
 * calls {@link #discover} and then probes LDAP and Kerberos on each controller found.
 */
public final class DomainControllers {
  /**
   * The outcome of a discovery.
   *
   * @param result the DNS probe's result ({@link Cause#DC_NOT_FOUND} when no record exists)
   * @param controllers the controllers found, by priority then weight; empty when the lookup failed
   */
  public record Discovery(ProbeResult result, List<ServiceRecord> controllers) {
    public Discovery {
      Objects.requireNonNull(result, "result");
      controllers = List.copyOf(controllers);
    }
  }

  private DomainControllers() {}

  /** The SRV name the DC locator asks for {@code domain}. */
  public static String srvName(String domain) {
    return "_ldap._tcp.dc._msdcs." + domain;
  }

  /** Looks up the controllers; {@code target}'s endpoint host is the SRV name. */
  public static Discovery discover(ProbeTarget target, ProbeContext context, Deadline deadline) {
    return DnsProbe.discover(target, context, deadline);
  }

  /** Looks up the controllers within a deadline of the context's timeout, starting now. */
  public static Discovery discover(ProbeTarget target, ProbeContext context) {
    return discover(target, context, Deadline.start(context.clock(), context.timeout()));
  }
}
