package dev.preflight.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
          "note");
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  private static final Set<String> EXPECT_FIELDS = Set.of("httpStatus", "body", "address", "zone");
  private static final Set<String> SOURCE_FIELDS = Set.of("page", "date");

  private EndpointReader() {}

  static EndpointDraft read(String source, YamlNode node) {
    YamlFields f = new YamlFields(source, "an endpoint", node, FIELDS);
    String id = id(f, "id");
    f = new YamlFields(source, "endpoint '" + id + "'", node, FIELDS);
    Protocol protocol =
        parse(f, "protocol", Protocol::parse, "https, http, tcp, ntp, dns, ldap or kerberos");
    String wildcard = lower(f.optionalString("wildcard"));
    String host = lower(f.optionalString("host"));
    Expectation expect = expect(f);
    if (host == null && wildcard != null && wildcard.startsWith("*.")) {
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
            enums(f, "tpm", Tpm.class, Tpm::parse, "discrete, intel, amd or qualcomm"),
            f.optionalBoolean("inspectionUnsupported", false),
            orEmpty(f.optionalStringList("rootSets")),
            expect,
            source(f),
            f.optionalString("note"));
    EndpointChecks.check(draft, f);
    return draft;
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
      throw f.error(f.line(), "missing 'impact' in " + what(f) + " (BLOCKING or DEGRADED)");
    }
    return parse(
        f,
        "impact",
        text -> {
          try {
            return java.util.Optional.of(Impact.valueOf(text.toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
          }
        },
        "BLOCKING or DEGRADED");
  }

  private static List<Integer> ports(YamlFields f, Protocol protocol) {
    List<YamlNode> items = f.optionalList("ports");
    if (items == null) {
      int port = defaultPort(protocol);
      if (port == 0) {
        throw f.error(f.line(), "missing 'ports' in " + what(f) + " (required for tcp)");
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
            item.line(), "bad port " + item.value() + " in " + what(f) + " (expected 1..65535)");
      }
      if (!ports.add(n.intValue())) {
        throw f.error(item.line(), "port " + n.intValue() + " is listed twice in " + what(f));
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
    return enums(
        f,
        "scenarios",
        Scenario.class,
        Scenario::parse,
        "user-driven, self-deploying, pre-provisioning or hybrid-join");
  }

  private static <E extends Enum<E>> Set<E> enums(
      YamlFields f,
      String field,
      Class<E> type,
      Function<String, java.util.Optional<E>> parser,
      String expected) {
    Set<E> values = EnumSet.noneOf(type);
    List<YamlNode> items = f.optionalList(field);
    for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
      if (!(item.value() instanceof String text)) {
        throw f.error(item.line(), "'" + field + "' in " + what(f) + " must list names");
      }
      E value =
          parser
              .apply(text)
              .orElseThrow(
                  () ->
                      f.error(
                          item.line(),
                          "unknown "
                              + singular(field)
                              + " '"
                              + text
                              + "' (expected "
                              + expected
                              + ")"));
      values.add(value);
    }
    return values;
  }

  private static <T> T parse(
      YamlFields f, String field, Function<String, java.util.Optional<T>> parser, String expected) {
    String text = f.requiredString(field);
    return parser
        .apply(text)
        .orElseThrow(
            () ->
                f.error(
                    f.line(field),
                    "unknown "
                        + field
                        + " '"
                        + text
                        + "' in "
                        + what(f)
                        + " (expected "
                        + expected
                        + ")"));
  }

  private static Expectation expect(YamlFields f) {
    YamlNode node = f.node("expect");
    if (node == null) {
      return Expectation.NONE;
    }
    YamlFields e = new YamlFields(f.source(), "'expect' of " + what(f), node, EXPECT_FIELDS);
    Integer status = null;
    YamlNode statusNode = e.node("httpStatus");
    if (statusNode != null) {
      if (!(statusNode.value() instanceof Number n) || n.intValue() < 100 || n.intValue() > 599) {
        throw f.error(statusNode.line(), "bad httpStatus " + statusNode.value() + " (100..599)");
      }
      status = n.intValue();
    }
    return new Expectation(
        status,
        e.optionalString("body"),
        e.optionalString("address"),
        e.optionalBoolean("zone", false));
  }

  private static @Nullable Source source(YamlFields f) {
    YamlNode node = f.node("source");
    if (node == null) {
      return null;
    }
    YamlFields s = new YamlFields(f.source(), "'source' of " + what(f), node, SOURCE_FIELDS);
    return new Source(s.requiredString("page"), s.requiredString("date"));
  }

  private static Map<String, Integer> fieldLines(YamlNode node) {
    Map<String, Integer> lines = new HashMap<>();
    node.mapping().forEach((name, value) -> lines.put(name, value.line()));
    return lines;
  }

  private static String what(YamlFields f) {
    return f.what();
  }

  private static String singular(String field) {
    return field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
  }

  private static @Nullable String lower(@Nullable String text) {
    return text == null ? null : HostNames.normalize(text);
  }

  private static List<String> orEmpty(@Nullable List<String> list) {
    return list == null ? List.of() : new ArrayList<>(list);
  }
}
