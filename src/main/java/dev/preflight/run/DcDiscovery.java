package dev.preflight.run;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hybrid-join part of a plan: the DC locator lookup ({@code _ldap._tcp.dc._msdcs.<domain>}) and
 * the entries to probe on every domain controller it finds (LDAP 389, Kerberos 88).
 *
 * @param domain the Active Directory domain
 * @param locator the SRV lookup, host already filled in
 * @param controllerEntries entries whose host is {@code {dc}}
 */
public record DcDiscovery(String domain, ProbeTarget locator, List<Endpoint> controllerEntries) {
  /** At most this many domain controllers are probed; a report listing hundreds helps nobody. */
  public static final int MAX_CONTROLLERS = 8;

  public DcDiscovery {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(locator, "locator");
    controllerEntries = List.copyOf(controllerEntries);
  }

  /** True when {@code target} was expanded from one of the {@code {dc}} entries. */
  public boolean expanded(ProbeTarget target) {
    return controllerEntries.stream().anyMatch(e -> e.id().equals(target.endpoint().id()));
  }

  /** One direct probe per controller entry and domain controller, controllers in given order. */
  public List<ProbeTarget> targetsFor(List<String> controllers) {
    List<ProbeTarget> targets = new ArrayList<>();
    for (String controller : controllers.stream().limit(MAX_CONTROLLERS).toList()) {
      for (Endpoint entry : controllerEntries) {
        Endpoint filled = Placeholders.fill(entry, Placeholders.DC, controller);
        targets.add(new ProbeTarget(filled, Route.DIRECT));
      }
    }
    return targets;
  }
}
