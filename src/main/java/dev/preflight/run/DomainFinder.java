package dev.preflight.run;

import dev.preflight.catalog.Catalog;
import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.catalog.Scenario;
import dev.preflight.probe.ProbeTarget;
import dev.preflight.probe.Route;
import dev.preflight.probe.net.DnsSuffixes;
import dev.preflight.verdict.DomainChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the Active Directory domain of a hybrid-join check: {@code --domain} when given, else the
 * network's DNS suffixes, as a device on this network would have them. With several suffixes, the
 * DC locator record of each is looked up at once and the first suffix (in the system's order) that
 * has one wins; when none has, the first is used, so the check reports it as {@code DC_NOT_FOUND}.
 */
final class DomainFinder {
  private DomainFinder() {}

  /** The domain and its source, or null when hybrid join is not checked or no domain is known. */
  static @Nullable DomainChoice choose(
      Catalog catalog, CheckSettings settings, ProbeRunner locator) {
    if (!settings.scenarios().contains(Scenario.HYBRID_JOIN)) {
      return null;
    }
    if (settings.domain() != null) {
      return new DomainChoice(settings.domain(), "--domain");
    }
    DnsSuffixes suffixes = settings.domainSuffixes();
    Endpoint entry = locatorEntry(catalog);
    if (suffixes == null || suffixes.suffixes().isEmpty() || entry == null) {
      return null;
    }
    List<String> names = suffixes.suffixes();
    if (names.size() == 1) {
      return new DomainChoice(names.get(0), suffixes.source());
    }
    List<ProbeTarget> lookups = new ArrayList<>();
    for (String name : names) {
      lookups.add(
          new ProbeTarget(Placeholders.fill(entry, Placeholders.DOMAIN, name), Route.DIRECT));
    }
    List<ProbeOutcome> outcomes = locator.run(lookups);
    String all = String.join(", ", names);
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).result() != null && outcomes.get(i).result().passed()) {
        return new DomainChoice(
            names.get(i),
            suffixes.source() + ": the first of " + all + " with a DC locator record");
      }
    }
    return new DomainChoice(
        names.get(0),
        suffixes.source() + ": the first of " + all + "; none has a DC locator record");
  }

  private static @Nullable Endpoint locatorEntry(Catalog catalog) {
    return catalog.select(Set.of(Scenario.HYBRID_JOIN), dev.preflight.catalog.Tpm.DISCRETE).stream()
        .filter(e -> Placeholders.hasDomain(e) && e.protocol() == Protocol.DNS)
        .findFirst()
        .orElse(null);
  }
}
