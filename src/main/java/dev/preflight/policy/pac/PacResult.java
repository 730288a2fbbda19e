package dev.preflight.policy.pac;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code FindProxyForURL(url, host)} call returned, parsed.
 *
 * @param returned the raw string the script returned, or null when it returned null or undefined
 * @param routes the fallback list in script order; empty when the script returned nothing usable
 *     (null, undefined or an empty string)
 * @param dnsNames the host names DNS helpers looked up during the call (address literals are not
 *     looked up); empty when the answer did not depend on DNS
 * @param line the 1-based script line of the {@code return} that produced the answer, or 0 when
 *     unknown
 * @param ruleText that line's text, trimmed, or an empty string when unknown
 * @param alerts messages the script passed to {@code alert()} during the call
 */
public record PacResult(
    @Nullable String returned,
    List<PacRoute> routes,
    List<String> dnsNames,
    int line,
    String ruleText,
    List<String> alerts) {

  public PacResult {
    routes = List.copyOf(routes);
    dnsNames = List.copyOf(dnsNames);
    Objects.requireNonNull(ruleText, "ruleText");
    alerts = List.copyOf(alerts);
  }

  /** The first entry of the fallback list: the route a client tries first. */
  public Optional<PacRoute> first() {
    return routes.stream().findFirst();
  }

  /** True when a DNS helper looked up a name while computing this answer. */
  public boolean dependsOnDns() {
    return !dnsNames.isEmpty();
  }

  /** The fallback list spelled as PAC spells it: {@code PROXY a:8080; DIRECT}. */
  public String spelled() {
    return String.join("; ", routes.stream().map(PacRoute::toString).toList());
  }
}
