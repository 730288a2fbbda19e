package dev.preflight.policy.squid;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.common.IpAddress;
import dev.preflight.policy.ConfigRoot;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.PolicyEvaluator;
import dev.preflight.policy.RuleRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Predicts what a Squid configuration does with a request for each catalog endpoint.
 *
 * <p>An HTTPS endpoint arrives as {@code CONNECT host:port}, an HTTP endpoint as an absolute-form
 * {@code GET http://host/path}; other protocols do not pass through an HTTP proxy and are not
 * governed. The request has no credentials (a device in OOBE has none), so a {@code proxy_auth} acl
 * reached during the walk means a 407 challenge. An allowed CONNECT then goes through the ssl_bump
 * steps; a bump of an endpoint Microsoft says cannot be inspected is INSPECTED. Where a wildcard
 * entry's stand-in is allowed but another name under the wildcard is not, the outcome is PARTIAL.
 *
 * <p>Acls this model cannot answer (external helpers, time, DNS) make every reachable ending
 * possible; when the possible endings disagree on whether the request passes, the outcome is
 * UNDETERMINED and each such acl is reported once in {@link #warnings()}.
 */
public final class SquidEvaluator implements PolicyEvaluator {
  /** The label put in front of a wildcard's zone to test "every other name" under it. */
  static final String OTHER_NAME = "preflight-other-name";

  private final SquidConfig config;
  private final Optional<IpAddress> clientIp;
  private final Set<String> unknownAcls = new LinkedHashSet<>();
  private final RuleWalker walker;
  private final SslBumpSteps bump;

  private SquidEvaluator(SquidConfig config, Optional<IpAddress> clientIp) {
    this.config = config;
    this.clientIp = clientIp;
    this.walker = new RuleWalker(config.acls(), unknownAcls);
    this.bump = new SslBumpSteps(config.sslBump(), walker);
  }

  /**
   * Reads {@code file} and everything it includes.
   *
   * @param clientIp the address {@code src} acls see, if known
   * @param root where absolute paths inside the configuration lead
   * @throws dev.preflight.common.InputException when the configuration is unreadable or malformed
   */
  public static SquidEvaluator load(Path file, Optional<IpAddress> clientIp, ConfigRoot root) {
    return new SquidEvaluator(SquidConfigParser.parse(file, root), clientIp);
  }

  @Override
  public boolean governs(Endpoint endpoint) {
    return endpoint.protocol() == Protocol.HTTPS || endpoint.protocol() == Protocol.HTTP;
  }

  @Override
  public List<PolicyDecision> evaluate(List<Endpoint> endpoints) {
    return endpoints.stream().map(this::decide).toList();
  }

  private PolicyDecision decide(Endpoint endpoint) {
    if (!governs(endpoint)) {
      return decision(endpoint, new Possible(Outcome.ALLOWED, null, "Squid does not see it."));
    }
    SquidRequest request = request(endpoint);
    List<Possible> possible = possibleOutcomes(endpoint, request);
    PolicyDecision decision = Collapse.decide(endpoint, possible);
    String wildcard = endpoint.wildcard();
    if (decision.outcome() == Outcome.ALLOWED && wildcard != null && wildcard.startsWith("*.")) {
      String other = OTHER_NAME + wildcard.substring(1);
      List<Possible> forOther = possibleOutcomes(endpoint, request.withHost(other));
      if (forOther.stream().noneMatch(p -> p.outcome() == Outcome.ALLOWED)) {
        return Collapse.partial(decision, wildcard, other, forOther.get(0));
      }
    }
    return decision;
  }

  private SquidRequest request(Endpoint endpoint) {
    if (endpoint.protocol() == Protocol.HTTPS) {
      return SquidRequest.connect(endpoint.host(), endpoint.port(), clientIp);
    }
    String path = endpoint.path() == null ? "/" : endpoint.path();
    return SquidRequest.get(endpoint.host(), endpoint.port(), path, clientIp);
  }

  private List<Possible> possibleOutcomes(Endpoint endpoint, SquidRequest request) {
    List<Possible> possible = new ArrayList<>();
    for (Ending ending : walker.walk(config.httpAccess(), request, implicitRule())) {
      switch (ending.action()) {
        case Ending.CHALLENGE -> possible.add(challenge(ending));
        case "deny" -> possible.add(of(Outcome.DENIED, ending, "Denied by"));
        default -> possible.addAll(allowed(endpoint, request, ending));
      }
    }
    return possible;
  }

  private List<Possible> allowed(Endpoint endpoint, SquidRequest request, Ending allow) {
    Possible allowed = of(Outcome.ALLOWED, allow, "Allowed by");
    if (!request.method().equals("CONNECT") || !bump.active()) {
      return List.of(allowed);
    }
    List<Possible> possible = new ArrayList<>();
    for (Ending ending : bump.finalActions(request)) {
      possible.add(
          switch (ending.action()) {
            case "terminate" -> of(Outcome.DENIED, ending, "Closed (ssl_bump terminate) by");
            case "bump" ->
                endpoint.inspectionUnsupported()
                    ? of(Outcome.INSPECTED, ending, "Decrypted (ssl_bump bump) by")
                    : of(
                        Outcome.ALLOWED,
                        ending,
                        "Allowed, and decrypted (which this endpoint tolerates) by");
            case Ending.CHALLENGE -> challenge(ending);
            default ->
                ending.rule() == null
                    ? allowed
                    : of(Outcome.ALLOWED, ending, "Allowed and spliced by");
          });
    }
    return possible;
  }

  private Possible challenge(Ending ending) {
    return of(
        Outcome.AUTH_REQUIRED,
        ending,
        "Squid demands proxy credentials (407), which a device in OOBE does not have, at");
  }

  private static Possible of(Outcome outcome, Ending ending, String what) {
    if (ending.rule() == null) {
      return new Possible(outcome, null, what + " default: " + ending.why() + ".");
    }
    ConfigLine line = ending.rule().line();
    return new Possible(
        outcome, line.ref(), what + " " + line.where() + " '" + line.text() + "': " + ending.why());
  }

  /** Squid's implicit final rule: the opposite of the last http_access action, deny if none. */
  private Ending implicitRule() {
    List<AccessRule> rules = config.httpAccess();
    if (rules.isEmpty()) {
      return new Ending("deny", null, "there are no http_access rules, so Squid denies");
    }
    AccessRule last = rules.get(rules.size() - 1);
    String action = last.action().equals("allow") ? "deny" : "allow";
    AccessRule implicit =
        new AccessRule(
            action,
            List.of(),
            new ConfigLine(
                last.line().file(),
                last.line().line(),
                last.line().tokens(),
                "(implicit final rule, the opposite of) " + last.line().text()));
    String verb = action.equals("deny") ? "denies" : "allows";
    return new Ending(action, implicit, "no rule decided, so Squid's implicit final rule " + verb);
  }

  private static PolicyDecision decision(Endpoint endpoint, Possible p) {
    return new PolicyDecision(
        endpoint, p.outcome(), null, List.of(), p.reason(), p.evidence(), false);
  }

  @Override
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>(config.warnings());
    for (String name : unknownAcls) {
      warnings.add(AclWarnings.describe(name, config));
    }
    return warnings;
  }

  /** One possible outcome with its evidence. */
  record Possible(Outcome outcome, @Nullable RuleRef evidence, String reason) {}
}
