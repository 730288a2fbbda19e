package dev.preflight.verdict;

import dev.preflight.catalog.Endpoint;
import dev.preflight.probe.Cause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of a {@link Finding}: its summary, and its remedy merged from the remedies of the
 * endpoints it covers. Pure.
 */
final class FindingText {
  /** How many names a merged remedy lists before it counts the rest. */
  private static final int NAMES_IN_REMEDY = 2;

  /** Stands for the endpoint's name in a remedy; no remedy contains it (see {@link Sentences}). */
  private static final String NAME = "\u0000";

  private FindingText() {}

  /**
   * {@code DNS_NXDOMAIN on 81 of 89 endpoints, every name this machine looked up: DNS
   * (10.0.0.53:53) answers that none of them exists, ...}; for a finding that is not
   * environment-wide, what the cause means, naming the endpoint when it is the only one (the JSON's
   * {@code endpoints} and the human formats list them all).
   */
  static String summary(
      Findings.Key key,
      List<EndpointResult> group,
      int total,
      boolean everywhere,
      Environment environment) {
    String head =
        key.cause().name()
            + " on "
            + group.size()
            + " of "
            + total
            + (total == 1 ? " endpoint" : " endpoints")
            + (key.route() == null || key.route().equals("DIRECT")
                ? ""
                : " through " + key.route());
    if (everywhere) {
      return head + ", " + every(key.step()) + ": " + diagnosis(key, environment) + ".";
    }
    List<String> parts = new ArrayList<>();
    List<String> names = group.stream().map(r -> r.endpoint().pattern()).distinct().toList();
    if (names.size() == 1) {
      parts.add(names.get(0));
    }
    if (key.issuer() != null) {
      parts.add("chains issued by " + key.issuer());
    }
    String which = parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    return head + which + ": " + key.cause().meaning() + ".";
  }

  private static String every(Findings.Step step) {
    return switch (step) {
      case NAME -> "every name this machine looked up";
      case CONNECTION -> "every connection this machine opened";
      case TLS -> "every TLS handshake";
      case HTTP -> "every HTTP request";
      case OTHER -> "every endpoint judged";
    };
  }

  /** What an environment-wide cause says about the network; the cause's meaning by default. */
  private static String diagnosis(Findings.Key key, Environment environment) {
    String dns =
        environment.dnsServers().isEmpty()
            ? "DNS"
            : "DNS (" + String.join(", ", environment.dnsServers()) + ")";
    Cause cause = key.cause();
    return switch (cause) {
      case DNS_NXDOMAIN ->
          dns
              + " answers that none of them exists, so it does not resolve public names (an"
              + " internal-only or split-horizon DNS)";
      case DNS_NO_ANSWER -> dns + " has no address for any of them";
      case DNS_SERVFAIL ->
          dns + " fails or refuses every query, so it does not recurse to the internet";
      case DNS_TIMEOUT -> dns + " answers no query, so it is unreachable or port 53 is blocked";
      case DNS_SINKHOLE ->
          "every name resolves to a non-routable address, so DNS filtering sinkholes them";
      case TCP_TIMEOUT -> "every connection is silently dropped, so the firewall lets nothing out";
      case TCP_REFUSED ->
          "every connection is refused, so the firewall rejects everything going out";
      case TCP_UNREACHABLE -> "this machine has no route to any of them";
      case PROXY_UNREACHABLE -> "the proxy itself cannot be reached";
      case TLS_INTERCEPTED ->
          "every chain ends at "
              + (key.issuer() == null ? "the same CA" : key.issuer())
              + " instead of the services' own roots, so a TLS-inspecting proxy or firewall"
              + " intercepts all TLS";
      case HTTP_PROXY_AUTH_REQUIRED ->
          "the proxy demands authentication (407) for every request, which a device in OOBE"
              + " cannot give";
      case HTTP_BLOCKED -> "the proxy or firewall refuses every request";
      case POLICY_NOT_LISTED -> "the allowlist lists none of them";
      case POLICY_DENIED -> "the configuration blocks every one of them";
      case POLICY_AUTH_REQUIRED ->
          "the configuration demands proxy authentication for every one of them";
      case POLICY_INSPECTED -> "the configuration decrypts TLS for every one of them";
      default -> cause.meaning();
    };
  }

  /**
   * The remedies of the group with each endpoint's name taken out; equal remedies become one
   * sentence naming every endpoint ({@code Allow outbound TCP 443 to a, b and 12 more on the
   * firewall}), different ones follow each other. Null when no endpoint has a remedy.
   */
  static @Nullable String remedy(List<EndpointResult> group) {
    Map<String, List<String>> namesByRemedy = new LinkedHashMap<>();
    for (EndpointResult r : group) {
      if (r.remedy() != null) {
        Generic generic = generic(r.remedy(), r.endpoint());
        List<String> names = namesByRemedy.computeIfAbsent(generic.text(), t -> new ArrayList<>());
        if (generic.name() != null && !names.contains(generic.name())) {
          names.add(generic.name());
        }
      }
    }
    if (namesByRemedy.isEmpty()) {
      return null;
    }
    return namesByRemedy.entrySet().stream()
        .map(e -> e.getKey().replace(NAME, Series.of(e.getValue(), NAMES_IN_REMEDY)))
        .collect(Collectors.joining(" "));
  }

  /** A remedy with the endpoint's name replaced by {@link #NAME}, and the name that was there. */
  private record Generic(String text, @Nullable String name) {}

  private static Generic generic(String remedy, Endpoint endpoint) {
    for (String name : List.of(endpoint.pattern(), endpoint.host())) {
      // Only the name as a word of its own: not inside a URL or a longer host name.
      Matcher m =
          Pattern.compile("(?<![\\w./:*-])" + Pattern.quote(name) + "(?![\\w/-]|\\.\\w)")
              .matcher(remedy);
      if (m.find()) {
        return new Generic(m.replaceAll(Matcher.quoteReplacement(NAME)), name);
      }
    }
    return new Generic(remedy, null);
  }
}
