package dev.preflight.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns one {@code endpoints:} item into an {@link EndpointDraft}: field types, enum spellings,
 * ports and defaults. Consistency between fields is checked by {@link EndpointChecks}; references
 * to services and root sets by {@link CatalogValidator}.
 *
 * <p>Defaults: {@code scenarios} absent means every scenario; {@code ports} absent means the
 * protocol's well-known port (required for {@code tcp}); {@code host} absent with a {@code
 * wildcard} means a zone-level DNS check on the wildcard's zone.
 */
final class EndpointReader {
  static final Set<String> FIELDS =
      Set.of(
          "id",
          "service",
          "host",
          "wildcard",
          "protocol",
          "ports",
          "path",
          "impact",
          "scenarios",
          "tpm",
          "inspectionUnsupported",
          "rootSets",
          "expect",
          "source",
          "note",
          "standIn");
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  private EndpointReader() {}

  static EndpointDraft read(String source, YamlNode node) {
    YamlFields f = new YamlFields(source, label("endpoint", node), node, FIELDS);
    String id = id(f, "id");
    Protocol protocol =
        f.requiredChoice(
            "protocol", Protocol::parse, "https, http, tcp, ntp, dns, ldap or kerberos");
    String wildcard = lower(f.optionalString("wildcard"));
    String host = lower(f.optionalString("host"));
    Expectation expect = EndpointParts.expect(f);
    if (wildcard != null && HostNames.wildcardProblem(wildcard) != null) {
      throw f.error(
          f.line("wildcard"),
          "bad wildcard '" + wildcard + "': " + HostNames.wildcardProblem(wildcard));
    }
    if (host == null && wildcard != null) {
      host = HostNames.zoneOf(wildcard);
      expect = new Expectation(expect.httpStatus(), expect.body(), expect.address(), true);
    }
    if (host == null) {
      throw f.error(f.line(), "endpoint '" + id + "' has no 'host' (or 'wildcard')");
    }
    EndpointDraft draft =
        new EndpointDraft(
            new Origin(source, f.line()),
            fieldLines(node),
            id,
            id(f, "service"),
            host,
            wildcard,
            protocol,
            ports(f, protocol),
            f.optionalString("path"),
            impact(f),
            scenarios(f),
            f.optionalChoices(
                "tpm", "tpm", Tpm.class, Tpm::parse, "discrete, intel, amd or qualcomm"),
            f.optionalBoolean("inspectionUnsupported", false),
            orEmpty(f.optionalStringList("rootSets")),
            expect,
            EndpointParts.source(f),
            f.optionalString("note"),
            f.optionalBoolean("standIn", false));
    EndpointChecks.check(draft, f);
    return draft;
  }

  /** How a mapping with an {@code id} reads in messages: {@code endpoint 'ztd-dds'}. */
  static String label(String kind, YamlNode node) {
    if (node.isMapping()
        && node.mapping().get("id") instanceof YamlNode id
        && id.value() instanceof String text) {
      return kind + " '" + text.strip() + "'";
    }
    return "a" + (kind.matches("[aeiou].*") ? "n " : " ") + kind;
  }

  static String id(YamlFields f, String field) {
    String id = f.requiredString(field);
    if (!ID.matcher(id).matches()) {
      throw f.error(
          f.line(field),
          "bad " + field + " '" + id + "': use lower-case letters, digits, '-' and '.'");
    }
    return id;
  }

  private static Impact impact(YamlFields f) {
    if (!f.has("impact")) {
      throw f.error(f.line(), "missing 'impact' in " + f.what() + " (BLOCKING or DEGRADED)");
    }
    return f.requiredChoice(
        "impact",
        text -> {
          try {
            return Optional.of(Impact.valueOf(text.toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
        },
        "BLOCKING or DEGRADED");
  }

  private static List<Integer> ports(YamlFields f, Protocol protocol) {
    List<YamlNode> items = f.optionalList("ports");
    if (items == null) {
      int port = defaultPort(protocol);
      if (port == 0) {
        throw f.error(f.line(), "missing 'ports' in " + f.what() + " (required for tcp)");
      }
      return List.of(port);
    }
    Set<Integer> ports = new LinkedHashSet<>();
    for (YamlNode item : items) {
      if (!(item.value() instanceof Number n)
          || n.doubleValue() != Math.rint(n.doubleValue())
          || n.doubleValue() < 1
          || n.doubleValue() > 65535) {
        throw f.error(
            item.line(), "bad port " + item.value() + " in " + f.what() + " (expected 1..65535)");
      }
      if (!ports.add(n.intValue())) {
        throw f.error(item.line(), "port " + n.intValue() + " is listed twice in " + f.what());
      }
    }
    return List.copyOf(ports);
  }

  private static int defaultPort(Protocol protocol) {
    return switch (protocol) {
      case HTTPS -> 443;
      case HTTP -> 80;
      case NTP -> 123;
      case DNS -> 53;
      case LDAP -> 389;
      case KERBEROS -> 88;
      case TCP -> 0;
    };
  }

  private static Set<Scenario> scenarios(YamlFields f) {
    if (!f.has("scenarios")) {
      return EnumSet.allOf(Scenario.class);
    }
    return f.optionalChoices(
        "scenarios",
        "scenario",
        Scenario.class,
        Scenario::parse,
        "user-driven, self-deploying, pre-provisioning or hybrid-join");
  }

  private static Map<String, Integer> fieldLines(YamlNode node) {
    Map<String, Integer> lines = new HashMap<>();
    node.mapping().forEach((name, value) -> lines.put(name, value.line()));
    return lines;
  }

  private static @Nullable String lower(@Nullable String text) {
    return text == null ? null : HostNames.normalize(text);
  }

  private static List<String> orEmpty(@Nullable List<String> list) {
    return list == null ? List.of() : new ArrayList<>(list);
  }
}
