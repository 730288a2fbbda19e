package dev.preflight.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Consistency rules inside one endpoint entry: host and wildcard syntax, a stand-in host that the
 * wildcard covers, expectations that fit the protocol, paths only for HTTP, placeholders only for
 * hybrid join, and ISO dates in sources.
 */
final class EndpointChecks {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

  private EndpointChecks() {}

  static void check(EndpointDraft e, YamlFields f) {
    checkHost(e, f);
    checkExpect(e, f);
    checkPath(e, f);
    checkSource(e, f);
  }

  private static void checkHost(EndpointDraft e, YamlFields f) {
    String hostProblem = HostNames.hostProblem(e.host());
    if (hostProblem != null) {
      throw f.error(e.lineOf("host"), "bad host '" + e.host() + "': " + hostProblem);
    }
    if (HostNames.hasPlaceholder(e.host()) && !e.scenarios().equals(Set.of(Scenario.HYBRID_JOIN))) {
      throw f.error(
          e.lineOf("host"),
          "host '" + e.host() + "' uses a placeholder, which only scenario hybrid-join fills in");
    }
    String wildcard = e.wildcard();
    if (wildcard == null) {
      return;
    }
    String problem = HostNames.wildcardProblem(wildcard);
    if (problem != null) {
      throw f.error(e.lineOf("wildcard"), "bad wildcard '" + wildcard + "': " + problem);
    }
    if (!HostNames.covers(wildcard, e.host())) {
      throw f.error(
          e.lineOf("host"),
          "host '" + e.host() + "' is not covered by wildcard '" + wildcard + "'");
    }
  }

  private static void checkExpect(EndpointDraft e, YamlFields f) {
    Expectation x = e.expect();
    boolean http = e.protocol() == Protocol.HTTP || e.protocol() == Protocol.HTTPS;
    if ((x.httpStatus() != null || x.body() != null) && !http) {
      throw f.error(e.lineOf("expect"), "httpStatus and body only apply to http and https");
    }
    String address = x.address();
    if (address != null) {
      if (e.protocol() != Protocol.DNS) {
        throw f.error(e.lineOf("expect"), "an expected address only applies to protocol dns");
      }
      if (!isAddress(address)) {
        throw f.error(e.lineOf("expect"), "expected address '" + address + "' is not an IP");
      }
    }
    if (x.zone() && e.standIn()) {
      throw f.error(e.lineOf("standIn"), "a zone check has no host, so it cannot be a stand-in");
    }
    if (x.zone()) {
      String wildcard = e.wildcard();
      if (wildcard == null || !e.host().equals(HostNames.zoneOf(wildcard))) {
        throw f.error(
            e.lineOf("expect"),
            "a zone check needs a 'wildcard' and, as host, its zone (or no host at all)");
      }
    }
  }

  private static void checkPath(EndpointDraft e, YamlFields f) {
    @Nullable String path = e.path();
    if (path == null) {
      return;
    }
    if (e.protocol() != Protocol.HTTP && e.protocol() != Protocol.HTTPS) {
      throw f.error(e.lineOf("path"), "a path only applies to http and https");
    }
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ')) {
      throw f.error(e.lineOf("path"), "bad path '" + path + "': it must start with '/'");
    }
  }

  private static void checkSource(EndpointDraft e, YamlFields f) {
    Source source = e.source();
    if (source == null) {
      return;
    }
    try {
      LocalDate.parse(source.date());
    } catch (DateTimeParseException ex) {
      throw f.error(
          e.lineOf("source"), "bad source date '" + source.date() + "' (expected YYYY-MM-DD)");
    }
  }

  private static boolean isAddress(String text) {
    if (IPV4.matcher(text).matches()) {
      for (String part : text.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return false;
        }
      }
      return true;
    }
    return IPV6.matcher(text).matches();
  }
}
