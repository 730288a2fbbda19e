package dev.preflight.policy.pac;

import dev.preflight.catalog.Endpoint;
import dev.preflight.catalog.Protocol;
import dev.preflight.common.Display;
import dev.preflight.common.Secrets;
import dev.preflight.policy.Outcome;
import dev.preflight.policy.PolicyDecision;
import dev.preflight.policy.PolicyEvaluator;
import dev.preflight.policy.RuleRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Judges catalog endpoints against a PAC script: for each HTTP or HTTPS endpoint it calls {@code
 * FindProxyForURL(endpoint.target(), endpoint.host())} and reports the route a client would take.
 *
 * <p>A decision is {@code ALLOWED} with the first usable route and the full fallback list, or
 * {@code DENIED} when the script returns only black-hole proxies. A script that returns nothing
 * (null, undefined, an empty string) sends the client {@code DIRECT}, as browsers and WinHTTP treat
 * it, so that too is {@code ALLOWED}, with the reason saying so. Evidence is the script line of the
 * {@code return} that answered. Endpoints of other protocols (NTP, plain TCP) are {@code ALLOWED}
 * without a route: clients consult PAC only for web requests. Bad scripts surface as {@code
 * InputException}s from {@link #evaluate}.
 */
public final class PacEvaluator implements PolicyEvaluator {
  private static final int MAX_ALERT_WARNINGS = 5;

  /** The most characters of a script's answer or alert text shown in a reason or warning. */
  private static final int MAX_SHOWN = 200;

  /** The most fallback routes kept per decision. */
  private static final int MAX_FALLBACKS = 16;

  /** The label tried under a wildcard zone to see whether names other than the stand-in pass. */
  static final String WILDCARD_SAMPLE = "preflight-wildcard-sample";

  private final PacEngine engine;
  private final BlackHoles blackHoles;
  private final Set<String> warnings = new LinkedHashSet<>();

  public PacEvaluator(PacEngine engine, BlackHoles blackHoles) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.blackHoles = Objects.requireNonNull(blackHoles, "blackHoles");
    engine.loadAlerts().forEach(this::alertWarning);
  }

  /** With the default black holes. */
  public PacEvaluator(PacEngine engine) {
    this(engine, BlackHoles.defaults());
  }

  /** Loads {@code script} in {@code environment} and evaluates with the default black holes. */
  public static PacEvaluator load(PacScript script, PacEnvironment environment) {
    return new PacEvaluator(PacEngine.load(script, environment));
  }

  @Override
  public synchronized List<PolicyDecision> evaluate(List<Endpoint> endpoints) {
    List<PolicyDecision> decisions = new ArrayList<>();
    Set<String> dnsNames = new LinkedHashSet<>();
    int dnsDecisions = 0;
    for (Endpoint endpoint : endpoints) {
      if (endpoint.protocol() != Protocol.HTTPS && endpoint.protocol() != Protocol.HTTP) {
        decisions.add(notWeb(endpoint));
        continue;
      }
      PacResult result = ask(endpoint, endpoint.host());
      PolicyDecision decision = wholeWildcard(endpoint, decide(endpoint, result));
      if (decision.dependsOnDns()) {
        dnsDecisions++;
        dnsNames.addAll(result.dnsNames());
      }
      decisions.add(decision);
    }
    if (dnsDecisions > 0) {
      warnings.add(dnsWarning(dnsDecisions, dnsNames));
    }
    return decisions;
  }

  private PacResult ask(Endpoint endpoint, String host) {
    String url =
        endpoint
            .target()
            .replaceFirst(
                "://" + Pattern.quote(endpoint.host()), Matcher.quoteReplacement("://" + host));
    PacResult result = engine.findProxy(url, host);
    result.alerts().forEach(this::alertWarning);
    return result;
  }

  /**
   * For an entry that stands in for {@code *.zone}, asks again for another name in the zone: a PAC
   * file that lets only the stand-in through leaves the rest of the wildcard blocked ({@code
   * PARTIAL}, with the rule that blocks the other name as evidence).
   */
  private PolicyDecision wholeWildcard(Endpoint endpoint, PolicyDecision standIn) {
    String wildcard = endpoint.wildcard();
    if (standIn.outcome() != Outcome.ALLOWED || wildcard == null || !wildcard.startsWith("*.")) {
      return standIn;
    }
    String other = WILDCARD_SAMPLE + wildcard.substring(1);
    PolicyDecision sampled = decide(endpoint, ask(endpoint, other));
    if (sampled.outcome() == Outcome.ALLOWED) {
      return standIn;
    }
    String reason =
        standIn.reason()
            + "; but for "
            + other
            + ", another name under "
            + wildcard
            + ", "
            + sampled.reason();
    return new PolicyDecision(
        endpoint,
        Outcome.PARTIAL,
        standIn.route(),
        standIn.fallbacks(),
        reason,
        sampled.evidence(),
        standIn.dependsOnDns() || sampled.dependsOnDns());
  }

  @Override
  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  private PolicyDecision decide(Endpoint endpoint, PacResult result) {
    // A client tries the first few; a script answering with a megabyte of routes must not cost a
    // megabyte per endpoint.
    List<String> fallbacks =
        result.routes().stream().limit(MAX_FALLBACKS).map(PacRoute::toString).toList();
    RuleRef evidence = evidence(result);
    boolean dns = result.dependsOnDns();
    String call = engine.entryPoint() + " returns " + describe(result);
    if (result.routes().isEmpty()) {
      return new PolicyDecision(
          endpoint,
          Outcome.ALLOWED,
          "DIRECT",
          fallbacks,
          call + ": clients then connect DIRECT",
          evidence,
          dns);
    }
    PacRoute usable =
        result.routes().stream().filter(r -> !blackHoles.contains(r)).findFirst().orElse(null);
    if (usable == null) {
      return new PolicyDecision(
          endpoint,
          Outcome.DENIED,
          null,
          fallbacks,
          call + ": every route is a black hole",
          evidence,
          dns);
    }
    String reason =
        usable.equals(result.routes().get(0))
            ? call
            : call
                + ": clients try the black hole first and fall back to "
                + usable
                + " after it fails";
    return new PolicyDecision(
        endpoint, Outcome.ALLOWED, usable.toString(), fallbacks, reason, evidence, dns);
  }

  private static String describe(PacResult result) {
    if (result.returned() == null) {
      return "null";
    }
    return result.routes().isEmpty()
        ? "an empty string"
        : "\"" + Display.line(result.spelled(), MAX_SHOWN) + "\"";
  }

  private @Nullable RuleRef evidence(PacResult result) {
    if (result.line() <= 0) {
      return null;
    }
    return new RuleRef(engine.script().sourceName(), result.line(), result.ruleText());
  }

  private PolicyDecision notWeb(Endpoint endpoint) {
    String reason =
        "PAC scripts route only web requests; " + endpoint.protocol() + " traffic is not affected";
    return new PolicyDecision(endpoint, Outcome.ALLOWED, null, List.of(), reason, null, false);
  }

  private void alertWarning(String message) {
    long alerts = warnings.stream().filter(w -> w.contains(" called alert(")).count();
    if (alerts < MAX_ALERT_WARNINGS) {
      String shown = Display.line(Secrets.redact(message), MAX_SHOWN);
      warnings.add(engine.script().sourceName() + " called alert(\"" + shown + "\")");
    }
  }

  private String dnsWarning(int count, Set<String> names) {
    String mode = engine.environment().resolver().mode();
    String how =
        mode.equals("offline")
            ? "offline mode: names treated as unresolvable"
            : mode.equals("system") ? "answers from the system resolver" : "answers from " + mode;
    List<String> sample = names.stream().limit(5).toList();
    return count
        + (count == 1 ? " decision" : " decisions")
        + " depended on DNS resolution of "
        + String.join(", ", sample)
        + (names.size() > sample.size() ? ", …" : "")
        + " ("
        + how
        + ")";
  }
}
